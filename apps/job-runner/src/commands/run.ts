import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { terminalIO } from '../build-deps.js';
import { catalogs, followOutput, openOptions } from '../render.js';
import { runJob, type RunResult } from '../run-jobs.js';
import { followExitCodes, readRunSettings, runnerFlags, settingsOrThrow } from '../settings.js';

export default class Run extends BaseCommand<typeof Run> {
  static override summary = 'Run a job and follow its log.';
  static override description =
    "Validates the parameters against the job's fields. Missing required ones are asked for on a terminal; without one it is a usage error. With PostgreSQL (DATABASE_URL), --detach queues the run for the workers.";
  static override args = {
    job: Args.string({ description: 'Job name (see list).', required: true }),
  };
  static override flags = {
    ...runnerFlags,
    set: Flags.string({ summary: 'A parameter, name=value (repeatable).', multiple: true }),
    detach: Flags.boolean({ summary: 'Queue the run and return at once (PostgreSQL only).' }),
    timeout: Flags.integer({
      summary: "Stop the job after this many seconds (default: the job's own limit).",
      min: 1,
    }),
  };
  static override examples = [
    '<%= config.bin %> run hello-world --jobs-dir examples/jobs --set name=Ann',
    'DATABASE_URL=postgres://... <%= config.bin %> run report --set month=2026-11 --detach',
  ];
  static override exitCodes = followExitCodes;
  static override catalogs = catalogs;
  // Ctrl-C cancels the run and waits until it is recorded (see runAndFollow).
  static override cancelOnInterrupt = false;

  async run(): Promise<RunResult> {
    const settings = settingsOrThrow(readRunSettings(this.flags, this.env));
    const open = openOptions(this.id, settings.runner.dataDir, this.logger, this.t);
    const io = { ...followOutput(this.jsonEnabled(), this.t), ...terminalIO() };
    const followed = await runJob(settings, this.args.job, open, io);
    this.setExitCode(followed.exit);
    return followed.result;
  }
}
