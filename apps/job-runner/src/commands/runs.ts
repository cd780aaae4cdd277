import { Flags } from '@oclif/core';
import { runStatuses } from '../core/run-status.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';
import type { RunRecord } from '../adapters/run-store.js';

export default class Runs extends RunnerCommand<typeof Runs> {
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

  async run(): Promise<{ runs: RunRecord[] }> {
    // No database yet: nothing to show, and nothing is created to show it.
    const runner = await this.openRunnerIfData();
    if (!runner) {
      if (!this.jsonEnabled()) this.log(this.t('runs.none'));
      return { runs: [] };
    }
    try {
      const runs = await runner.store.listRuns({
        ...(this.flags.job ? { job: this.flags.job } : {}),
        ...(this.flags.status ? { status: this.flags.status as RunRecord['status'] } : {}),
        ...(this.flags.search ? { search: this.flags.search } : {}),
        limit: this.flags.limit,
      });
      if (!this.jsonEnabled()) {
        if (runs.length === 0) this.log(this.t('runs.none'));
        else this.log(this.t('runs.header'));
        for (const r of runs) {
          const exit = r.exitCode === null ? '' : ` (${r.exitCode})`;
          this.log(
            `${r.id}  ${this.t(`statuses.${r.status}`)}${exit}  ${r.job}  ${r.createdAt.toISOString()}  ${JSON.stringify(r.params)}`,
          );
        }
      }
      return { runs };
    } finally {
      await runner.close();
    }
  }
}
