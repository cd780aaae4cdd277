import { Args, Flags } from '@oclif/core';
import { promptConfirm, promptSecret, promptSelect, promptText } from '@toolbelt/cli-kit';
import { ToolbeltError } from '@toolbelt/errors';
import type { JobField } from '../core/job-metadata.js';
import { parseSetItems, validateParams } from '../core/job-params.js';
import { RunnerCommand, runnerFlags, type RunResult } from '../runner-command.js';

/** Ask for one missing required field on the terminal (a USAGE error without one). */
export async function promptField(field: JobField): Promise<string> {
  const flag = `--set ${field.name}=...`;
  const message = field.label;
  if (field.secret) return promptSecret({ message, flag });
  if (field.type === 'boolean') return String(await promptConfirm({ message, flag }));
  if (field.options)
    return promptSelect({ message, flag, choices: field.options.map((value) => ({ value })) });
  return promptText({ message, flag, required: true });
}

export default class Run extends RunnerCommand<typeof Run> {
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

  async run(): Promise<RunResult> {
    const { input, bad } = parseSetItems(this.flags.set ?? []);
    if (bad.length > 0)
      throw new ToolbeltError('USAGE', `Use --set name=value (got "${bad[0]}")`, {
        key: 'job-runner:errors.badSet',
        params: { item: bad[0] },
      });
    const runner = await this.openRunner();
    try {
      const { paramsError, requireJob } = await import('../runner.js');
      const job = requireJob(runner, this.args.job);
      // Wrong values, and without a terminal every missing field, are reported all at once
      // before anything is asked.
      const check = validateParams(job.fields, input);
      const missing = process.stdin.isTTY ? [] : check.missing.map((f) => f.name);
      if (check.problems.length > 0 || missing.length > 0)
        throw paramsError(job.name, check.problems, missing);
      for (const field of check.missing) input[field.name] = await promptField(field);
      return await this.startAndFollow(runner, {
        job: job.name,
        input,
        ...(this.flags.timeout ? { timeoutSeconds: this.flags.timeout } : {}),
      });
    } finally {
      await runner.close();
    }
  }
}
