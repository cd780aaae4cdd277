import { mkdtempSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for one test; `cleanup()` removes it with everything in it. */
export interface TempDir {
  /** Absolute, symlink-free path of the folder. */
  path: string;
  /** Removes the folder recursively; safe to call more than once. */
  cleanup(): Promise<void>;
}

/**
 * Creates a new empty folder under the OS temp folder, named `<prefix>-XXXXXX`.
 * Synchronous so it can be used in `beforeEach` or at the top of a test without await.
 */
export function makeTempDir(prefix = 'toolbelt'): TempDir {
  const safePrefix = prefix.replace(/[^A-Za-z0-9._-]/g, '-');
  // realpath: on some systems tmpdir is a symlink, and tests compare paths.
  const path = realpathSync(mkdtempSync(join(tmpdir(), `${safePrefix}-`)));
  return {
    path,
    cleanup: () => rm(path, { recursive: true, force: true }),
  };
}
