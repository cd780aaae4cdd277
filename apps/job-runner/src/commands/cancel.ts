import { Args } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import { isFinished } from '../core/run-status.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

export default class Cancel extends RunnerCommand<typeof Cancel> {
  static override summary = 'Cancel a queued or running run.';
  static override args = { run: Args.integer({ description: 'Run id.', required: true }) };
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> cancel 42'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;

  async run(): Promise<{ id: number; status: string }> {
    const runner = await this.openRunnerIfData({ jobs: false });
    if (!runner)
      throw new ToolbeltError('USAGE', `No run ${this.args.run}`, {
        key: 'job-runner:errors.noRun',
        params: { run: this.args.run },
      });
    try {
      const before = await runner.store.getRun(this.args.run);
      if (!before)
        throw new ToolbeltError('USAGE', `No run ${this.args.run}`, {
          key: 'job-runner:errors.noRun',
          params: { run: this.args.run },
        });
      if (isFinished(before.status)) {
        if (!this.jsonEnabled())
          this.log(
            this.t('cancel.finished', {
              id: before.id,
              status: this.t(`statuses.${before.status}`),
            }),
          );
        return { id: before.id, status: before.status };
      }
      const run = (await runner.store.requestCancel(before.id, new Date()))!;
      if (!this.jsonEnabled())
        this.log(
          this.t('cancel.requested', { id: run.id, status: this.t(`statuses.${run.status}`) }),
        );
      return { id: run.id, status: run.status };
    } finally {
      await runner.close();
    }
  }
}
