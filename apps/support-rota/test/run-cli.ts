import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const bin = new URL('../bin/run.js', import.meta.url).pathname;

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI as a user would (asynchronously, so an in-process stand-in keeps
 * answering), with a clean environment: no Google variables unless given, English, no colour.
 */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(GOOGLE_|CREDENTIALS_FILE|TOOLBELT_|LANG|LC_)/.test(k)) env[k] = v;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: options.cwd,
        env: { ...env, NO_COLOR: '1', TOOLBELT_LANG: 'en', ...options.env },
        timeout: 60_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : error
              ? -1
              : 0;
        resolve({ status: code, stdout, stderr });
      },
    );
  });
}

/** Team of 2 + 3 unless given. */
export function writeRota(
  dir: string,
  overrides: Record<string, unknown> = {},
  file = 'rota.json',
): string {
  const config = {
    name: 'test-rota',
    support_team: {
      start_cycle_with: 'g_sevens',
      g_sevens: ['George', 'Calum'],
      everyone_else: ['Thomas', 'Jake', 'Tapan'],
    },
    date_range: { start_date: '2025-01-06', n_cycles: 2 },
    ...overrides,
  };
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}
