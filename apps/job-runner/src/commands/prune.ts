import { Flags } from '@oclif/core';
import { noTtyError, promptConfirm } from '@toolbelt/cli-kit';
import { ToolbeltError } from '@toolbelt/errors';
import { parseDuration } from '../core/duration.js';
import type { PruneCriteria } from '../core/retention.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

/** What `prune` returns. */
export interface PruneResult {
  deleted: number;
  /** Runs it would delete (--dry-run) or deleted, per job. */
  byJob: Record<string, number>;
  dryRun: boolean;
  cutoff?: string;
  keep?: number;
}

export default class Prune extends RunnerCommand<typeof Prune> {
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

  private criteria(): PruneCriteria {
    const keep = this.flags.keep;
    const olderThan = this.flags['older-than'] ?? (keep ? undefined : '30d');
    if (olderThan === undefined) return keep ? { keepRuns: keep } : {};
    const ms = parseDuration(olderThan);
    if (ms === undefined)
      throw new ToolbeltError('USAGE', `Use a duration like 30d (got "${olderThan}")`, {
        key: 'job-runner:errors.badDuration',
        params: { value: olderThan },
      });
    return {
      cutoff: new Date(this.startedAt.getTime() - ms),
      ...(keep ? { keepRuns: keep } : {}),
    };
  }

  async run(): Promise<PruneResult> {
    const criteria = this.criteria();
    const dryRun = this.flags['dry-run'] === true;
    // A script that forgot --yes deletes nothing; a terminal is asked below.
    if (!dryRun && !this.flags.yes && !process.stdin.isTTY) throw noTtyError('--yes');
    const result = (deleted: number, byJob: Record<string, number>): PruneResult => ({
      deleted,
      byJob,
      dryRun,
      ...(criteria.cutoff ? { cutoff: criteria.cutoff.toISOString() } : {}),
      ...(criteria.keepRuns ? { keep: criteria.keepRuns } : {}),
    });
    const runner = await this.openRunnerIfData({ jobs: false });
    if (!runner) {
      if (!this.jsonEnabled()) this.log(this.t('prune.none'));
      return result(0, {});
    }
    try {
      const { countPrunable, pruneFinishedRuns } = await import('../adapters/run-retention.js');
      const found = await countPrunable(runner.store.db, criteria);
      if (found.total === 0) {
        if (!this.jsonEnabled()) this.log(this.t('prune.none'));
        return result(0, {});
      }
      const jobs = Object.entries(found.byJob)
        .map(([job, n]) => `${job} (${n})`)
        .join(', ');
      if (dryRun) {
        if (!this.jsonEnabled())
          this.log(this.t('prune.wouldDelete', { count: found.total, jobs }));
        return result(0, found.byJob);
      }
      if (!this.flags.yes) {
        const message = this.t('prune.confirm', { count: found.total, jobs });
        if (!(await promptConfirm({ message, flag: '--yes' }))) {
          this.log(this.t('prune.kept'));
          return result(0, {});
        }
      }
      const deleted = await pruneFinishedRuns(runner.store.db, criteria);
      if (!this.jsonEnabled()) this.log(this.t('prune.done', { count: deleted, jobs }));
      return result(deleted, found.byJob);
    } finally {
      await runner.close();
    }
  }
}
