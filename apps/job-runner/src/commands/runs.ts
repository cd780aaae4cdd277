import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { runStatuses } from '../core/run-status.js';
import type { RunRecord } from '../adapters/run-store.js';
import { catalogs, renderRuns } from '../render.js';
import { runRuns } from '../run-runs.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class Runs extends BaseCommand<typeof Runs> {
  static override summary = 'Show the history of runs, newest first.';
  static override flags = {
    ...runnerFlags,
    job: Flags.string({ summary: 'Only runs of this job.' }),
    status: Flags.string({ summary: 'Only runs with this status.', options: [...runStatuses] }),
    search: Flags.string({ summary: 'Text to find in the job name, the parameters or the log.' }),
    limit: Flags.integer({ summary: 'Number of runs to show.', default: 50, min: 1, max: 1000 }),
  };
  static override examples = [
    '<%= config.bin %> runs --status failed',
    '<%= config.bin %> runs --search "timed out"',
  ];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<{ runs: RunRecord[] }> {
    const settings = readRunnerSettings(this.flags, this.env);
    // No database yet: nothing to show, and nothing is created to show it.
    const result = await runRuns(settings, this.flags);
    this.log(renderRuns(result.runs, this.now(), this.t));
    return result;
  }
}
