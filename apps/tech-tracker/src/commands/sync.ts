import { Flags } from '@oclif/core';
import { BaseCommand, toCommandError } from '@toolbelt/cli-kit';
import { errorCodes } from '@toolbelt/errors';
import { buildDeps } from '../build-deps.js';
import { messages } from '../i18n/index.js';
import { renderSync } from '../render.js';
import { runSync, type SyncReport } from '../run-sync.js';
import { readSyncSettings } from '../settings.js';

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
  static override catalogs = { 'tech-tracker': messages.catalog };
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
    const settings = await readSyncSettings(this.flags, this.env, this.startedAt);
    const deps = await buildDeps(settings, {
      env: this.env,
      lang: this.lang,
      logger: this.logger,
      t: this.t,
      signal: this.interrupt.signal,
      startProgress: (options) => this.startProgress(options),
      describeError: (error) => this.describeError(toCommandError(error)),
    });
    const { report, status } = await runSync(deps, { ...settings, now: this.startedAt });
    this.log(renderSync(this.t, report));
    this.setExitCode(status);
    return report;
  }
}
