import { Args, Flags } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import type { LogLine } from '../adapters/run-store.js';
import { RunnerCommand, printRun, runnerFlags, type RunResult } from '../runner-command.js';

/** One log line in `logs --json`. */
export interface JsonLogLine {
  seq: number;
  stream: LogLine['stream'];
  at: string;
  line: string;
}

/** What `logs --json` returns: the run and its lines (`lines` stays the count). */
export interface LogsResult extends RunResult {
  log: JsonLogLine[];
}

const toJsonLine = (l: LogLine): JsonLogLine => ({
  seq: l.seq,
  stream: l.stream,
  at: l.at.toISOString(),
  line: l.line,
});

export default class Logs extends RunnerCommand<typeof Logs> {
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
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  // With --follow the result closes a stream of JSON lines, so it is one line too.
  override logJson(json: unknown): void {
    if (this.flags?.follow) process.stdout.write(`${JSON.stringify(json)}\n`);
    else super.logJson(json);
  }

  async run(): Promise<RunResult | LogsResult> {
    const runner = await this.openRunnerIfData({ jobs: false });
    if (!runner)
      throw new ToolbeltError('USAGE', `No run ${this.args.run}`, {
        key: 'job-runner:errors.noRun',
        params: { run: this.args.run },
      });
    try {
      if (!this.jsonEnabled())
        return this.exitForRun(
          await printRun(runner, this.args.run, {
            follow: this.flags.follow,
            json: false,
            t: this.t,
          }),
        );
      // --json: the lines as data; with --follow each one is written as it arrives.
      const { followRun } = await import('../runner.js');
      const log: JsonLogLine[] = [];
      const run = await followRun(
        runner.store,
        this.args.run,
        (lines) => {
          if (this.flags.follow)
            process.stdout.write(lines.map((l) => `${JSON.stringify(toJsonLine(l))}\n`).join(''));
          else for (const l of lines) log.push(toJsonLine(l));
        },
        { follow: this.flags.follow },
      );
      const result = this.exitForRun({
        id: run.id,
        job: run.job,
        status: run.status,
        exitCode: run.exitCode,
        reason: run.reason,
        lines: run.lineCount,
      });
      return this.flags.follow ? result : { ...result, log };
    } finally {
      await runner.close();
    }
  }
}
