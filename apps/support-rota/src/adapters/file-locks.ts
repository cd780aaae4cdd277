import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { acquireLock, type Lock, type LockHolder } from '@toolbelt/lock';

/** Options of {@link lockFiles}. */
export interface LockFilesOptions {
  /** Named in the lock file, for whoever waits for it. */
  command: string;
  /** Wait for another holder (default), or fail at once naming it (TEMPFAIL, 75). */
  wait: boolean;
  /** Told when a file is held by another run and this one waits. */
  onWait: (holder: LockHolder, target: string) => void;
  /** Stops a wait (Ctrl-C). */
  signal?: AbortSignal | undefined;
}

/** Locks each file (sorted, so two runs never wait in a circle); returns the release. */
export async function lockFiles(
  files: readonly string[],
  options: LockFilesOptions,
): Promise<() => Promise<void>> {
  const held: Lock[] = [];
  const release = async (): Promise<void> => {
    for (const lock of held.splice(0).reverse()) await lock.release();
  };
  try {
    for (const file of [...new Set(files)].sort()) {
      // The lock file sits next to the file: a first run into a new folder makes the folder
      // (when that is refused, acquireLock reports it as IOERR).
      await mkdir(dirname(resolve(file)), { recursive: true }).catch(() => undefined);
      held.push(
        await acquireLock(file, {
          command: options.command,
          wait: options.wait,
          onWait: (holder) => options.onWait(holder, file),
          signal: options.signal,
        }),
      );
    }
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}
