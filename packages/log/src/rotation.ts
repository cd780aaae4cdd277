import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Log file names: `%Y-%m-%d_%H-%M.log`, as the original tools named them. */
export const LOG_FILE_PATTERN = /^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}\.log$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2024-10-02_09-05.log` for a run started at that local time. */
export function logFileName(startedAt: Date): string {
  return `${startedAt.getFullYear()}-${pad(startedAt.getMonth() + 1)}-${pad(startedAt.getDate())}_${pad(startedAt.getHours())}-${pad(startedAt.getMinutes())}.log`;
}

/**
 * Which existing log files to delete before writing `newName`, so that `keep` files remain
 * afterwards. The rule of the original, generalised: list the matching files newest first;
 * keep `keep` of them if the new name is among them (the run appends to it), otherwise keep
 * `keep - 1` (the new file makes `keep`). Names that do not match the pattern are never chosen.
 */
export function planLogRotation(
  existing: readonly string[],
  newName: string,
  keep: number,
): string[] {
  const matching = existing
    .filter((name) => LOG_FILE_PATTERN.test(name))
    .sort()
    .reverse();
  const limit = Math.max(0, matching.includes(newName) ? keep : keep - 1);
  // The file the run writes to is never deleted, even with keep <= 0.
  return matching.slice(limit).filter((name) => name !== newName);
}

/** Apply the rotation rule in `dir`; returns the deleted names. */
export function rotateLogs(dir: string, newName: string, keep: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const doomed = planLogRotation(names, newName, keep);
  for (const name of doomed) unlinkSync(join(dir, name));
  return doomed;
}
