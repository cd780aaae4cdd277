import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createXlsxSheetStore, type CellValue } from '@toolbelt/google';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(appDir, '..', '..');
const bin = join(appDir, 'bin', 'run.js');

/** Outcome of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` with only the given environment (plus PATH/HOME). */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: options.cwd,
    NO_COLOR: '1',
    TOOLBELT_LANG: 'en',
    ...options.env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: options.cwd, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A tab of a workbook, values from A1. */
export async function readXlsxTab(path: string, tab: string): Promise<CellValue[][]> {
  const [data] = await createXlsxSheetStore({ path }).readTabs([{ tab }]);
  return data?.values ?? [];
}

/** Rows of a tracker tab without the A2 stamp (row 2), for comparing two syncs. */
export function withoutStamp(values: readonly (readonly CellValue[])[]): CellValue[][] {
  return values.map((row, i) => (i === 1 ? [] : [...row]));
}

/** The A2 stamp. */
export function stampOf(values: readonly (readonly CellValue[])[]): CellValue | undefined {
  return values[1]?.[0];
}
