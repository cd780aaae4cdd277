import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { terminalIO } from '../build-deps.js';
import { catalogs, followOutput, openOptions } from '../render.js';
import { rerunJob, type RunResult } from '../run-jobs.js';
import { followExitCodes, readRunnerSettings, runnerFlags } from '../settings.js';

export default class Rerun extends BaseCommand<typeof Rerun> {
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
  static override exitCodes = followExitCodes;
  static override catalogs = catalogs;
  // Ctrl-C cancels the run and waits until it is recorded (see runAndFollow).
  static override cancelOnInterrupt = false;

  async run(): Promise<RunResult> {
    const settings = readRunnerSettings(this.flags, this.env);
    const open = openOptions(this.id, settings.dataDir, this.logger, this.t);
    const io = { ...followOutput(this.jsonEnabled(), this.t), ...terminalIO() };
    const followed = await rerunJob(
      settings,
      this.args.run,
      { detach: this.flags.detach, open },
      io,
    );
    this.setExitCode(followed.exit);
    return followed.result;
  }
}
