import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, logsOutput, type LogsResult } from '../render.js';
import { readRunLog, type RunResult } from '../run-jobs.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class Logs extends BaseCommand<typeof Logs> {
  static override summary = "Print a run's stored log lines, then live ones with --follow.";
  static override description =
    'With --json: the run and every line as one JSON document; with --json --follow: one JSON object per line as it arrives (JSON lines), then the run.';
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
  static override examples = [
    '<%= config.bin %> logs 42',
    '<%= config.bin %> logs 42 --follow',
    '<%= config.bin %> logs 42 --json --follow',
  ];
  static override exitCodes = ['OK', 'PARTIAL', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  // With --follow the result closes a stream of JSON lines, so it is one line too.
  override logJson(json: unknown): void {
    if (this.flags?.follow) process.stdout.write(`${JSON.stringify(json)}\n`);
    else super.logJson(json);
  }

  async run(): Promise<RunResult | LogsResult> {
    const settings = readRunnerSettings(this.flags, this.env);
    const { follow } = this.flags;
    const output = logsOutput(this.jsonEnabled(), follow, this.t);
    const followed = await readRunLog(settings, this.args.run, { follow, onLines: output.onLines });
    this.setExitCode(followed.exit);
    return output.finish(followed.result);
  }
}
