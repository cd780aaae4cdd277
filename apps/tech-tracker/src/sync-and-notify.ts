import type { NotificationOutcome, RunNotifier } from './adapters/run-notifier.js';
import { composeNotification, type Words } from './core/notification.js';
import { runSync, type SyncDeps, type SyncOptions, type SyncResult } from './run-sync.js';

/** The sync's result plus how its notification went (printed with --json). */
export interface SyncReport extends SyncResult {
  notifications: {
    channel: NotificationOutcome['channel'];
    target: string;
    ok: boolean;
    to?: string[];
    error?: string;
  }[];
}

/** Dependencies of a notified run. */
export interface NotifiedSyncDeps extends SyncDeps {
  /** Undefined or unconfigured: no notification. */
  notifier?: RunNotifier;
  /** The run's log so far (its log file), for the notification body. */
  readLog(): Promise<string>;
  /** An error in the user's language (the shell's renderer). */
  describeError(error: unknown): string;
}

function toReportEntry(o: NotificationOutcome): SyncReport['notifications'][number] {
  return {
    channel: o.channel,
    target: o.target,
    ok: o.ok,
    ...(o.to ? { to: o.to } : {}),
    ...(o.error ? { error: o.error.message } : {}),
  };
}

async function notify(
  deps: NotifiedSyncDeps,
  schoolYear: string,
  result: SyncResult | undefined,
  error: unknown,
): Promise<NotificationOutcome[]> {
  const { notifier, logger, t } = deps;
  if (!notifier?.configured) {
    logger.debug(t('log.noNotification'));
    return [];
  }
  const words = t as unknown as Words;
  const reason = error === undefined ? undefined : deps.describeError(error);
  const message = composeNotification(words, {
    schoolYear,
    log: await deps.readLog(),
    changes: result?.changes ?? [],
    ...(reason === undefined ? {} : { error: reason }),
  });
  const outcomes = await notifier.send(message);
  for (const o of outcomes) {
    if (o.ok)
      logger.info(
        o.channel === 'email'
          ? t('log.mailSent', { to: (o.to ?? []).join(', '), target: o.target })
          : t('log.slackSent', { target: o.target }),
      );
    else
      logger.error(
        o.channel === 'email'
          ? t('log.mailFailed', { to: (o.to ?? []).join(', '), reason: o.error?.message })
          : t('log.slackFailed', { reason: o.error?.message }),
      );
  }
  return outcomes;
}

/**
 * Runs the sync and sends its notification, success or error. A failed notification never
 * undoes the sync: it is logged and reported (`notificationFailed`), and the caller exits 1.
 * A failed sync is notified and then rethrown with its own exit code.
 */
export async function syncAndNotify(
  deps: NotifiedSyncDeps,
  options: SyncOptions,
): Promise<{ report: SyncReport; notificationFailed: boolean }> {
  let result: SyncResult;
  try {
    result = await runSync(deps, options);
  } catch (error) {
    if (!options.dryRun) {
      try {
        await notify(deps, options.schoolYear, undefined, error);
      } catch (notifyError) {
        deps.logger.error(
          deps.t('log.notifyFailed', {
            reason: notifyError instanceof Error ? notifyError.message : String(notifyError),
          }),
        );
      }
    }
    throw error;
  }
  const outcomes = options.dryRun ? [] : await notify(deps, options.schoolYear, result, undefined);
  return {
    report: { ...result, notifications: outcomes.map(toReportEntry) },
    notificationFailed: outcomes.some((o) => !o.ok),
  };
}
