import { Flags } from '@oclif/core';
import { BaseCommand, promptConfirm } from '@toolbelt/cli-kit';
import { catalogs, pruneQuestion, renderPrune } from '../render.js';
import { runPrune, type PruneResult } from '../run-runs.js';
import { readPruneSettings, runnerFlags, settingsOrThrow } from '../settings.js';

export default class Prune extends BaseCommand<typeof Prune> {
  static override summary =
    'Delete finished runs and their logs older than a duration or past the newest N per job.';
  static override description =
    'Asks for confirmation on a terminal; elsewhere --yes is needed. --dry-run only counts. serve and worker can do this by themselves: see their --retention.';
  static override flags = {
    ...runnerFlags,
    'older-than': Flags.string({
      summary: 'Age like 30d, 12h, 90m (default 30d unless --keep is given).',
    }),
    keep: Flags.integer({
      summary: 'Keep only the newest this many finished runs of each job.',
      min: 1,
    }),
    'dry-run': Flags.boolean({ summary: 'Show what would be deleted, delete nothing.' }),
    yes: Flags.boolean({ char: 'y', summary: 'Delete without asking.' }),
  };
  static override examples = [
    '<%= config.bin %> prune --older-than 30d --dry-run',
    '<%= config.bin %> prune --keep 100 --yes',
  ];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL', 'CANCELLED'] as const;
  static override catalogs = catalogs;

  async run(): Promise<PruneResult> {
    const settings = settingsOrThrow(readPruneSettings(this.flags, this.env, this.startedAt));
    const report = await runPrune(settings, {
      interactive: process.stdin.isTTY === true,
      confirm: (count, byJob) =>
        promptConfirm({ message: pruneQuestion(count, byJob, this.t), flag: '--yes' }),
    });
    this.log(renderPrune(report, this.t));
    return report.result;
  }
}
