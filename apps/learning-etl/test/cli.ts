import { fileURLToPath } from 'node:url';
import type { CliResult } from '@toolbelt/testkit';

/** The built CLI entry point. */
export const binPath = fileURLToPath(new URL('../bin/run.js', import.meta.url));

/** Parse the `--json` result printed on stdout. */
export function jsonOf<T = Record<string, unknown>>(run: CliResult): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(
      `no JSON on stdout (exit ${run.status}):\n${run.stdout}\n--- stderr ---\n${run.stderr}`,
    );
  }
}

/** Poll `check` until it returns true (bounded). */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
  stepMs = 50,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
