import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pendingTemps } from './exit-cleanup.js';
import { ioError } from './io-error.js';
import { makeDir } from './make-dir.js';

/** How the content gets into the temp file: bytes/text, or a function that writes the file. */
export type AtomicContent = string | Uint8Array | ((tempPath: string) => Promise<void>);

/** The temp file name used for `path`: hidden, beside it, unique per write. */
export function tempPathFor(path: string): string {
  const full = resolve(path);
  return join(
    dirname(full),
    `.${basename(full)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Write a file whole or not at all: the content goes to a temp file beside `path`, is flushed
 * to disk, and is renamed over `path`. The temp file is removed when the write fails, and
 * when the process exits or is killed by SIGINT/SIGTERM/SIGHUP during the write. Environment
 * refusals (read-only file system, no space left, permission denied...) become IOERR naming
 * `path`; `path` itself is then unchanged.
 */
export async function writeFileAtomic(
  path: string,
  content: AtomicContent,
  options: { mkdir?: boolean } = {},
): Promise<void> {
  const full = resolve(path);
  if (options.mkdir !== false) {
    try {
      await makeDir(dirname(full));
    } catch (error) {
      throw ioError(error, full, 'write');
    }
  }
  const temp = tempPathFor(full);
  pendingTemps.add(temp);
  try {
    if (typeof content === 'function') {
      await content(temp);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await rename(temp, full);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw ioError(error, full, 'write');
  } finally {
    pendingTemps.delete(temp);
  }
}
