import { Flags } from '@oclif/core';
import { formatTable } from '@toolbelt/cli-kit';
import { formatElapsed, runElapsedMs } from '../core/elapsed.js';
import { toLocalDateTime } from '../core/local-time.js';
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
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  /** The runs as an aligned table: local start time, duration, parameters as JSON. */
  private table(runs: readonly RunRecord[]): string {
    const units = { h: this.t('units.h'), min: this.t('units.min'), s: this.t('units.s') };
    const rows = runs.map((r) => {
      const ms = runElapsedMs(r, this.now());
      return [
        String(r.id),
        `${this.t(`statuses.${r.status}`)}${r.exitCode === null ? '' : ` (${r.exitCode})`}`,
        r.job,
        toLocalDateTime(r.startedAt ?? r.createdAt),
        ms === undefined ? '' : formatElapsed(ms, units),
        JSON.stringify(r.params),
      ];
    });
    const headers = ['id', 'status', 'job', 'started', 'duration', 'parameters'];
    return formatTable(
      headers.map((h) => this.t(`runs.${h}`)),
      rows,
      { align: ['right', 'left', 'left', 'left', 'right'] },
    );
  }

  async run(): Promise<{ runs: RunRecord[] }> {
    // No database yet: nothing to show, and nothing is created to show it.
    const runner = await this.openRunnerIfData({ jobs: false });
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
      if (!this.jsonEnabled()) this.log(runs.length ? this.table(runs) : this.t('runs.none'));
      return { runs };
    } finally {
      await runner.close();
    }
  }
}
