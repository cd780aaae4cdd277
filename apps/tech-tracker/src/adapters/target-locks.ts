import { resolve } from 'node:path';
import type { Language } from '@toolbelt/i18n';
import { acquireLock, lockMessages, type Lock } from '@toolbelt/lock';
import type { Logger } from '@toolbelt/log';

/** How to take the locks of a run's local targets. */
export interface TargetLockOptions {
  /** Who we are, shown to a second run: `tech-tracker sync`. */
  command: string;
  /** False (`--no-wait`): fail with TEMPFAIL (75) naming the holder instead of waiting. */
  wait: boolean;
  logger: Logger;
  /** The language of the waiting line in the log. */
  lang: Language;
  /** Ctrl-C: ends the wait. */
  signal?: AbortSignal;
}

/**
 * Locks every local target (a workbook, a backup folder) for the whole run: one writer per
 * target. Targets are taken in sorted order, so two runs never wait for each other in a
 * circle. Returns the function that releases them all.
 */
export async function lockTargets(
  targets: readonly string[],
  options: TargetLockOptions,
): Promise<() => Promise<void>> {
  const sorted = [...new Set(targets.map((t) => resolve(t)))].sort();
  const held: Lock[] = [];
  const releaseAll = async (): Promise<void> => {
    for (const lock of held.splice(0).reverse()) await lock.release();
  };
  try {
    for (const target of sorted)
      held.push(
        await acquireLock(target, {
          command: options.command,
          wait: options.wait,
          signal: options.signal,
          onWait: (holder) =>
            options.logger.warn(
              lockMessages.format(options.lang, 'log.waiting', { ...holder, target }),
            ),
        }),
      );
  } catch (error) {
    await releaseAll();
    throw error;
  }
  return releaseAll;
}
