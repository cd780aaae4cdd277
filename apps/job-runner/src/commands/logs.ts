import { Args, Flags } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import { RunnerCommand, printRun, runnerFlags, type RunResult } from '../runner-command.js';

export default class Logs extends RunnerCommand<typeof Logs> {
  static override summary = "Print a run's stored log lines, then live ones with --follow.";
  static override args = {
    run: Args.integer({ description: 'Run id (see runs).', required: true }),
  };
  static override flags = {
    ...runnerFlags,
    follow: Flags.boolean({
      char: 'f',
      summary: 'Keep printing new lines until the run finishes.',
    }),
  };
  static override examples = ['<%= config.bin %> logs 42', '<%= config.bin %> logs 42 --follow'];
  static override exitCodes = ['OK', 'PARTIAL', 'USAGE', 'CONFIG', 'INTERNAL'] as const;

  async run(): Promise<RunResult> {
    const runner = await this.openRunnerIfData();
    if (!runner)
      throw new ToolbeltError('USAGE', `No run ${this.args.run}`, {
        key: 'job-runner:errors.noRun',
        params: { run: this.args.run },
      });
    try {
      return this.exitForRun(
        await printRun(runner, this.args.run, {
          follow: this.flags.follow,
          json: this.jsonEnabled(),
          t: this.t,
        }),
      );
    } finally {
      await runner.close();
    }
  }
}
