import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { errorCodes } from '@toolbelt/errors';
import { helpEn, messages } from '../i18n/index.js';
import type { RunResult } from '../run-run.js';

export type { RunResult } from '../run-run.js';

const help = helpEn.run;
const text = (name: keyof typeof help.flags) => ({ summary: help.flags[name] });

export default class Run extends BaseCommand<typeof Run> {
  static override summary = help.summary;
  static override description = help.description;
  static override examples = [
    '<%= config.bin %> <%= command.id %> --date 2023-05-31',
    '<%= config.bin %> <%= command.id %> --from 2023-05-01 --to 2023-05-31 --no-email',
    '<%= config.bin %> <%= command.id %> --date 2023-05-31 --source-file examples/learning-etl/api-response-2023-05-31.json --no-email',
    '<%= config.bin %> <%= command.id %> --date 2023-05-31 --test-mode --dry-run --lang ru',
  ];
  static override exitCodes = errorCodes;
  static override catalogs = { 'learning-etl': messages.catalog };
  static override flags = {
    date: Flags.string({ ...text('date'), exclusive: ['from', 'to'] }),
    from: Flags.string({ ...text('from'), dependsOn: ['to'] }),
    to: Flags.string({ ...text('to'), dependsOn: ['from'] }),
    'test-mode': Flags.boolean(text('test-mode')),
    reset: Flags.boolean(text('reset')),
    'source-file': Flags.string(text('source-file')),
    report: Flags.string(text('report')),
    'no-report': Flags.boolean({ ...text('no-report'), exclusive: ['report'] }),
    'no-email': Flags.boolean(text('no-email')),
    'no-wait': Flags.boolean(text('no-wait')),
    'dry-run': Flags.boolean(text('dry-run')),
  };

  async run(): Promise<RunResult> {
    // zod, the adapters and the pipeline load only when a run gets this far.
    const { loadSettings } = await import('../settings.js');
    const { buildDeps } = await import('../build-deps.js');
    const { runRun } = await import('../run-run.js');
    const render = await import('../render.js');
    const settings = await loadSettings(this.flags, this.env);
    const view = render.createRunView(this.t, {
      lang: this.lang,
      logger: this.logger,
      dryRun: settings.dryRun,
      startProgress: (options) => this.startProgress(options),
    });
    this.cancelNote = view.cancelNote;
    const deps = buildDeps(settings, {
      ...view,
      env: this.env,
      logger: this.logger,
      promptIO: this.jsonEnabled() ? { output: process.stderr } : {},
      now: this.now,
      signal: this.interrupt.signal,
    });
    const result = await runRun(deps, settings);
    render.showResult(result, this.t, {
      json: this.jsonEnabled(),
      print: (line) => this.log(line),
      setExitCode: (code) => this.setExitCode(code),
    });
    return result;
  }
}
