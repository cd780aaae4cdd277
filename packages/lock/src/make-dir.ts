import { existsSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

// `mkdir -p` reports ENOENT when a folder cannot be created on a read-only file system;
// creating the first missing folder by itself gives the true reason (EROFS, EACCES, ...).
function firstMissing(dir: string): string {
  let current = resolve(dir);
  while (!existsSync(dirname(current)) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** `mkdir -p dir`, failing with the real reason (read-only file system) rather than ENOENT. */
export async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(firstMissing(dir));
    throw error;
  }
}

/** Synchronous {@link makeDir}. */
export function makeDirSync(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(firstMissing(dir));
    throw error;
  }
}
