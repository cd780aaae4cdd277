import { resolve } from 'node:path';
import { acquireLock, type Lock } from '@toolbelt/lock';
import type { Logger } from '@toolbelt/log';
import type { Translate } from '@toolbelt/i18n';

/** How to take the locks of a run's local targets. */
export interface TargetLockOptions {
  /** Who we are, shown to a second run: `tech-tracker sync`. */
  command: string;
  /** False (`--no-wait`): fail with TEMPFAIL (75) naming the holder instead of waiting. */
  wait: boolean;
  logger: Logger;
  t: Translate;
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
          ...(options.signal ? { signal: options.signal } : {}),
          onWait: (holder) => options.logger.warn(options.t('lock:waiting', { ...holder, target })),
        }),
      );
  } catch (error) {
    await releaseAll();
    throw error;
  }
  return releaseAll;
}
