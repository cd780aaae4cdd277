import { Args, Flags } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import { validateParams } from '../core/job-params.js';
import { RunnerCommand, runnerFlags, type RunResult } from '../runner-command.js';
import { promptField } from './run.js';

export default class Rerun extends RunnerCommand<typeof Rerun> {
  static override summary = 'Run the job of an earlier run again with the same parameters.';
  static override description =
    'Secret parameters are never stored: they are asked for again (on a terminal).';
  static override args = {
    run: Args.integer({ description: 'Run id to repeat.', required: true }),
  };
  static override flags = {
    ...runnerFlags,
    detach: Flags.boolean({ summary: 'Queue the run and return at once (PostgreSQL only).' }),
  };
  static override examples = ['<%= config.bin %> rerun 42'];
  static override exitCodes = [
    'OK',
    'PARTIAL',
    'USAGE',
    'CONFIG',
    'UNAVAILABLE',
    'TEMPFAIL',
    'INTERNAL',
    'CANCELLED',
  ] as const;
  // Ctrl-C cancels the run and waits until it is recorded (see startAndFollow).
  static override cancelOnInterrupt = false;

  private noRun(): ToolbeltError {
    return new ToolbeltError('USAGE', `No run ${this.args.run}`, {
      key: 'job-runner:errors.noRun',
      params: { run: this.args.run },
    });
  }

  async run(): Promise<RunResult> {
    const runner = await this.openRunnerIfData();
    if (!runner) throw this.noRun();
    try {
      const { requireJob, rerunInput } = await import('../runner.js');
      const previous = await runner.store.getRun(this.args.run);
      if (!previous) throw this.noRun();
      const job = requireJob(runner, previous.job);
      const input: Record<string, string> = rerunInput(previous, job);
      for (const field of validateParams(job.fields, input).missing)
        input[field.name] = await promptField(field);
      return await this.startAndFollow(runner, {
        job: job.name,
        input,
        rerunOf: previous.id,
        ...(previous.timeoutSeconds ? { timeoutSeconds: previous.timeoutSeconds } : {}),
      });
    } finally {
      await runner.close();
    }
  }
}
