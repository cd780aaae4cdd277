import { defineConfig } from 'vitest/config';

// The end-to-end tests start the CLI and local servers: generous timeouts for 2 shared cores.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
