import { readFile } from 'node:fs/promises';
import type { Env, Progress, ProgressOptions } from '@toolbelt/cli-kit';
import type { Language, Translate } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import { createBackupFolder } from './adapters/backup-folder.js';
import { openSheetStores, type GoogleTiming } from './adapters/sheet-stores.js';
import { lockTargets } from './adapters/target-locks.js';
import type { SyncDeps, SyncProgress } from './run-sync.js';
import type { SyncSettings } from './settings.js';

/** What `buildDeps` needs from the shell besides the settings. */
export interface BuildDepsOptions {
  env: Env;
  lang: Language;
  logger: Logger;
  /** The run's words (the app's and `common`'s namespaces). */
  t: Translate;
  /** Ctrl-C: ends a wait for a lock. */
  signal: AbortSignal;
  /** Draws a progress bar (on a terminal only; a no-op otherwise). */
  startProgress(options: Omit<ProgressOptions, 'enabled' | 'stream'>): Promise<Progress>;
  /** An error in the user's language, for the notification. */
  describeError(error: unknown): string;
  /** Retry and timing of Google calls (tests shorten the back-off). */
  google?: GoogleTiming;
}

/** The stages of a large sync on a bar: its rows, and its changes once the diff is done. */
function progressBar(options: BuildDepsOptions): SyncProgress {
  const { t } = options;
  let bar: Progress | undefined;
  let changesShown = false;
  return {
    async start(total, rows) {
      bar = await options.startProgress({
        label: t('ui.progress.sync'),
        total,
        counters: [
          { name: 'rows', label: t('ui.progress.rows') },
          { name: 'changes', label: t('ui.progress.changes') },
        ],
      });
      bar.count?.('rows', rows);
    },
    advance(changes) {
      if (!bar) return;
      if (!changesShown) bar.count?.('changes', changes);
      changesShown = true;
      bar.tick(1);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * The one place that picks adapters: the two spreadsheets (Google or `.xlsx`), the backup
 * folder, the locks of local targets, the notification channels from the environment
 * (`@toolbelt/notify`: e-mail to `NOTIF_TO_ADDRESS`/`MAIL_TO`, Slack to `SLACK_WEBHOOK_URL`).
 */
export async function buildDeps(
  settings: SyncSettings,
  options: BuildDepsOptions,
): Promise<SyncDeps> {
  const { env, lang, logger, t } = options;
  // Checked with the other settings; a dry run sends nothing, so it needs no channel.
  const { createNotifier } = await import('@toolbelt/notify');
  const notifier = settings.dryRun ? undefined : createNotifier(env);
  const stores = await openSheetStores({
    mot: settings.mot,
    tracker: settings.tracker,
    env,
    google: options.google,
  });
  const logFile = logger.file;
  return {
    ...stores,
    backups: createBackupFolder({ dir: settings.backupDir }),
    logger,
    t,
    progress: progressBar(options),
    notifier,
    lockTargets: (targets) =>
      lockTargets(targets, {
        command: 'tech-tracker sync',
        wait: settings.wait,
        logger,
        lang,
        signal: options.signal,
      }),
    readLog: async () => (logFile ? await readFile(logFile, 'utf8').catch(() => '') : ''),
    describeError: (error) => options.describeError(error),
  };
}
