import { formatTable } from '@toolbelt/cli-kit';
import { toLocalDateTime } from '../core/local-time.js';
import { nextFire } from '../core/schedules.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

/** One line of `schedules --json`. */
export interface ScheduleSummary {
  id: string;
  job: string;
  cron: string;
  params: Record<string, string>;
  next: string | null;
  last: { id: number; status: string; at: string } | null;
}

export default class Schedules extends RunnerCommand<typeof Schedules> {
  static override summary = 'List the schedules of the job folders with their next and last runs.';
  static override description =
    'Schedules live in schedules.json in a job folder: [{"id": "nightly", "job": "report", "cron": "0 6 * * *", "params": {"month": "current"}}]. Cron times are UTC. On PostgreSQL the workers run them (graphile-worker cron, each tick once across all workers); on the embedded database serve does.';
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> schedules --jobs-dir jobs'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'DATA', 'INTERNAL'] as const;

  async run(): Promise<{ schedules: ScheduleSummary[]; problems: string[] }> {
    const { readSchedules } = await import('../adapters/schedules-file.js');
    const config = this.runnerConfig();
    const { schedules, problems } = await readSchedules(config.jobsDirs);
    const runner = schedules.length ? await this.openRunnerIfData({ jobs: false }) : undefined;
    let last = new Map<string, { id: number; status: string; createdAt: Date }>();
    try {
      if (runner) {
        const { readLastScheduledRuns } = await import('../adapters/run-summaries.js');
        last = await readLastScheduledRuns(runner.store);
      }
    } finally {
      await runner?.close();
    }
    const now = this.now();
    const out = schedules.map((s): ScheduleSummary => {
      const next = nextFire(s.matches, now);
      const run = last.get(s.id);
      return {
        id: s.id,
        job: s.job,
        cron: s.cron,
        params: s.params,
        next: next?.toISOString() ?? null,
        last: run ? { id: run.id, status: run.status, at: run.createdAt.toISOString() } : null,
      };
    });
    if (problems.length) this.setExitCode('DATA');
    if (!this.jsonEnabled()) {
      for (const p of problems) process.stderr.write(`${p}\n`);
      if (out.length === 0) this.log(this.t('schedules.none'));
      else {
        const headers = ['id', 'job', 'cron', 'next', 'last'].map((h) => this.t(`schedules.${h}`));
        const rows = out.map((s) => [
          s.id,
          s.job,
          s.cron,
          s.next ? toLocalDateTime(new Date(s.next)) : '',
          s.last
            ? `#${s.last.id} ${this.t(`statuses.${s.last.status}`)} ${toLocalDateTime(new Date(s.last.at))}`
            : '',
        ]);
        this.log(formatTable(headers, rows));
      }
    }
    return { schedules: out, problems };
  }
}
