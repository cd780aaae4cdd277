import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vitest's module runner does not apply Node's module hooks (src/job-resolve.ts), so job
  // modules imported in a test process find the runner's own exports through an alias.
  resolve: {
    alias: [
      {
        find: /^@toolbelt\/job-runner\/schoology$/,
        replacement: fileURLToPath(new URL('./dist/schoology/index.js', import.meta.url)),
      },
    ],
  },
  test: {
    globalSetup: [fileURLToPath(import.meta.resolve('@toolbelt/testkit/vitest-postgres'))],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
