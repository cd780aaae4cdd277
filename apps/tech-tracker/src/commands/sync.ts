import { errorCodes } from '@toolbelt/errors';
import { readFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { BaseCommand, toCommandError, type Progress } from '@toolbelt/cli-kit';
import { createI18n } from '@toolbelt/i18n';
import { lockCatalog } from '@toolbelt/lock';
import { createBackupFolder } from '../adapters/backup-folder.js';
import { checkNotifierSettings, createRunNotifier } from '../adapters/run-notifier.js';
import { openSheetStores } from '../adapters/sheet-stores.js';
import { lockTargets } from '../adapters/target-locks.js';
import { techTrackerCatalog } from '../i18n/catalogs.js';
import { renderDiffTable, renderSummary } from '../render.js';
import { syncAndNotify, type SyncReport } from '../sync-and-notify.js';
import { resolveSyncSettings } from '../sync-options.js';

function interruptSignal(command: object): { signal?: AbortSignal } {
  const signal = (command as { interrupt?: AbortController }).interrupt?.signal;
  return signal ? { signal } : {};
}

export default class Sync extends BaseCommand<typeof Sync> {
  static override summary =
    "Copy HR's on-boarding tracker (MOT) into the Tech tracker, stamping what changed.";
  static override description =
    'Reads the MOT tab Master_{year} (struck-through ids are rescinded offers), the Tech tracker tabs "{year} Cleared" and "{year} Tracker", updates and appends rows, stamps key-field changes, sorts newest first and writes one batch after backing the tab up to --backup-dir. Spreadsheets are Google ids/URLs or .xlsx paths.';
  static override examples = [
    '<%= config.bin %> sync --school-year 23-24 --mot mot.xlsx --tracker tech-tracker.xlsx',
    '<%= config.bin %> sync --school-year 23-24 --dry-run',
    '<%= config.bin %> sync --school-year 23-24 --mot https://docs.google.com/spreadsheets/d/<id>/edit --json',
  ];
  static override exitCodes = errorCodes;
  static override catalogs = { 'tech-tracker': techTrackerCatalog, lock: lockCatalog };
  static override flags = {
    'school-year': Flags.string({ summary: 'School year, NN-NN (e.g. 23-24). Required.' }),
    mot: Flags.string({
      summary:
        'MOT spreadsheet: Google id or URL, or an .xlsx path. Default: HR_MOT_SHEETS_ID, else mot.xlsx.',
    }),
    tracker: Flags.string({
      summary:
        'Tech tracker spreadsheet: Google id or URL, or an .xlsx path. Default: TECH_TRACKER_SHEETS_ID, else tech-tracker.xlsx.',
    }),
    today: Flags.string({
      summary: 'Date stamped on changes, YYYY-MM-DD. Default: today in --timezone.',
    }),
    timezone: Flags.string({
      summary: 'Time zone of the stamps and of A2.',
      default: 'America/Los_Angeles',
    }),
    'mot-columns': Flags.string({
      summary: 'JSON file mapping MOT fields to a column index, letter or header name.',
    }),
    'backup-dir': Flags.string({
      summary: 'Folder for tracker backups (the last 10 are kept).',
      default: 'backups',
    }),
    'dry-run': Flags.boolean({
      summary: 'Print the changes as a table (or JSON with --json) and write nothing.',
    }),
    'no-wait': Flags.boolean({
      summary:
        'When another run is writing the same .xlsx tracker or backup folder, fail (exit 75) instead of waiting for it.',
    }),
  };

  async run(): Promise<SyncReport> {
    const settings = await resolveSyncSettings(this.flags, this.env, this.startedAt, this.t);
    // Notification settings are settings: checked before any work, in dry runs too.
    const notifier = settings.dryRun
      ? await checkNotifierSettings(this.env, this.lang)
      : await createRunNotifier(this.env, { lang: this.lang });
    const stores = await openSheetStores({
      mot: settings.mot,
      tracker: settings.tracker,
      env: this.env,
    });
    // Adapter errors carry keys of the google namespace: add it now that the package is loaded.
    const { googleCatalog } = await import('@toolbelt/google');
    this.i18n = createI18n({
      lang: this.lang,
      namespaces: { ...Sync.catalogs, google: googleCatalog },
    });
    this.t = this.i18n.t;
    const logFile = this.logger.file;
    // One writer per local target: a second sync on the same workbook or backup folder waits
    // (or, with --no-wait, fails naming the holder) until this one is done.
    const release = settings.dryRun
      ? async () => undefined
      : await lockTargets(
          [
            ...(stores.tracker.kind === 'xlsx' ? [stores.tracker.location] : []),
            this.flags['backup-dir'],
          ],
          {
            command: 'tech-tracker sync',
            wait: !this.flags['no-wait'],
            logger: this.logger,
            t: this.t,
            // Ctrl-C ends the wait (cli-kit's interrupt controller, when it has one).
            ...interruptSignal(this),
          },
        );
    // A large sync's stages on a bar: on a terminal only, never with --json or --quiet.
    let bar: Progress | undefined;
    const progress = {
      start: async (total: number, rows: number) => {
        bar = await this.startProgress({
          label: this.t('progress.sync'),
          total,
          counters: [
            { name: 'rows', label: this.t('progress.rows') },
            { name: 'changes', label: this.t('progress.changes') },
          ],
        });
        bar.count?.('rows', rows);
      },
      advance: (changes: number) => {
        if (!bar) return;
        // The changes are known after the first stage (the diff): shown once.
        if (!changesShown) bar.count?.('changes', changes);
        changesShown = true;
        bar.tick(1);
      },
      stop: () => bar?.stop(),
    };
    let changesShown = false;
    const { report, notificationFailed } = await syncAndNotify(
      {
        ...stores,
        backups: createBackupFolder({ dir: this.flags['backup-dir'] }),
        logger: this.logger,
        progress,
        t: this.t,
        ...(notifier ? { notifier } : {}),
        describeError: (error) => this.describeError(toCommandError(error)),
        readLog: async () => (logFile ? await readFile(logFile, 'utf8').catch(() => '') : ''),
      },
      { ...settings, now: this.startedAt },
    ).finally(release);
    if (!this.jsonEnabled()) {
      if (settings.dryRun) this.log(renderDiffTable(this.t, report.changes));
      this.log(renderSummary(this.t, report));
    }
    if (notificationFailed) this.setExitCode('PARTIAL');
    return report;
  }
}
