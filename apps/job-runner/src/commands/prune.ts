import { Flags } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import { parseDuration } from '../core/duration.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

export default class Prune extends RunnerCommand<typeof Prune> {
  static override summary = 'Delete finished runs and their logs older than a duration.';
  static override flags = {
    ...runnerFlags,
    'older-than': Flags.string({ summary: 'Age like 30d, 12h, 90m.', default: '30d' }),
  };
  static override examples = ['<%= config.bin %> prune --older-than 30d'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;

  async run(): Promise<{ deleted: number; cutoff: string }> {
    const olderThan = this.flags['older-than'];
    const ms = parseDuration(olderThan);
    if (ms === undefined)
      throw new ToolbeltError('USAGE', `Use a duration like 30d (got "${olderThan}")`, {
        key: 'job-runner:errors.badDuration',
        params: { value: olderThan },
      });
    const cutoff = new Date(this.startedAt.getTime() - ms);
    const runner = await this.openRunnerIfData({ jobs: false });
    if (!runner) {
      if (!this.jsonEnabled()) this.log(this.t('prune.done', { count: 0, olderThan }));
      return { deleted: 0, cutoff: cutoff.toISOString() };
    }
    try {
      const deleted = await runner.store.pruneRuns(cutoff);
      if (!this.jsonEnabled()) this.log(this.t('prune.done', { count: deleted, olderThan }));
      return { deleted, cutoff: cutoff.toISOString() };
    } finally {
      await runner.close();
    }
  }
}
