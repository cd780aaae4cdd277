import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Folders whose writes really fail, also as root (where chmod stops nothing): a tmpfs
 * mounted read-only (EROFS), or tiny (ENOSPC), for file-fault tests.
 *
 * Needs root (or CAP_SYS_ADMIN): it runs `mount -t tmpfs` and `umount`, which throw otherwise.
 * Tests run as root on the CI machine. `files` are put in before a read-only mount (the mount
 * is then remounted read-only). Call `cleanup()` to unmount and remove the folder.
 */
export interface FaultyDir {
  path: string;
  cleanup(): void;
}

function mountTmpfs(options: string): string {
  const path = mkdtempSync(join(tmpdir(), 'tb-fault-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path], { stdio: 'pipe' });
  return path;
}

function unmount(path: string): void {
  execFileSync('umount', [path], { stdio: 'pipe' });
  rmSync(path, { recursive: true, force: true });
}

/** A read-only folder holding `files` (name -> content). */
export function readOnlyDir(files: Record<string, string | Uint8Array> = {}): FaultyDir {
  const path = mountTmpfs('size=4m,mode=755');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  execFileSync('mount', ['-o', 'remount,ro', path], { stdio: 'pipe' });
  return { path, cleanup: () => unmount(path) };
}

/** A folder with only `bytes` of space, holding `files`. */
export function fullDir(bytes: number, files: Record<string, string | Uint8Array> = {}): FaultyDir {
  const path = mountTmpfs(`size=${bytes},mode=755`);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return { path, cleanup: () => unmount(path) };
}
