import { Args } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, renderCancel } from '../render.js';
import { runCancel } from '../run-runs.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class Cancel extends BaseCommand<typeof Cancel> {
  static override summary = 'Cancel a queued or running run.';
  static override args = { run: Args.integer({ description: 'Run id.', required: true }) };
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> cancel 42'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  static override catalogs = catalogs;

  async run(): Promise<{ id: number; status: string }> {
    const settings = readRunnerSettings(this.flags, this.env);
    const report = await runCancel(settings, this.args.run, new Date());
    this.log(renderCancel(report, this.t));
    return report.result;
  }
}
