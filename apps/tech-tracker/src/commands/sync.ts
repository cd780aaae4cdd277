import { Flags } from '@oclif/core';
import { BaseCommand, toCommandError } from '@toolbelt/cli-kit';
import { errorCodes } from '@toolbelt/errors';
import { helpEn, messages } from '../i18n/index.js';
import type { SyncReport } from '../run-sync.js';

const help = helpEn.sync;
const text = (name: keyof typeof help.flags) => ({ summary: help.flags[name] });

export default class Sync extends BaseCommand<typeof Sync> {
  static override summary = help.summary;
  static override description = help.description;
  static override examples = [
    '<%= config.bin %> sync --school-year 23-24 --mot mot.xlsx --tracker tech-tracker.xlsx',
    '<%= config.bin %> sync --school-year 23-24 --dry-run',
    '<%= config.bin %> sync --school-year 23-24 --mot https://docs.google.com/spreadsheets/d/<id>/edit --json',
  ];
  static override exitCodes = errorCodes;
  static override catalogs = { 'tech-tracker': messages.catalog };
  static override flags = {
    'school-year': Flags.string(text('school-year')),
    mot: Flags.string(text('mot')),
    tracker: Flags.string(text('tracker')),
    today: Flags.string(text('today')),
    timezone: Flags.string({ ...text('timezone'), default: 'America/Los_Angeles' }),
    'mot-columns': Flags.string(text('mot-columns')),
    'backup-dir': Flags.string({ ...text('backup-dir'), default: 'backups' }),
    'dry-run': Flags.boolean(text('dry-run')),
    'no-wait': Flags.boolean(text('no-wait')),
  };

  async run(): Promise<SyncReport> {
    // Settings, adapters and the orchestrator load only once the flags are parsed.
    const { buildDeps } = await import('../build-deps.js');
    const { renderSync } = await import('../render.js');
    const { runSync } = await import('../run-sync.js');
    const { readSyncSettings } = await import('../settings.js');
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
