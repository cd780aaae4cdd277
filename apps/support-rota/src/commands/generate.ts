import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { errorCodes } from '@toolbelt/errors';
import { examplesEn, helpEn } from '../i18n/help.js';
import { showResult } from '../render.js';
import { runGenerate, type GenerateResult } from '../run-generate.js';

const help = { ...helpEn.generate, examples: examplesEn.generate };
const text = (name: keyof typeof help.flags) => ({ summary: help.flags[name] });

const flags = {
  config: Flags.string({ char: 'c', ...text('config') }),
  start: Flags.string(text('start')),
  cycles: Flags.integer(text('cycles')),
  'start-with': Flags.string(text('start-with')),
  calendar: Flags.string(text('calendar')),
  ics: Flags.string(text('ics')),
  seed: Flags.integer(text('seed')),
  holidays: Flags.string(text('holidays')),
  'report-dir': Flags.string(text('report-dir')),
  'dry-run': Flags.boolean(text('dry-run')),
  'no-wait': Flags.boolean(text('no-wait')),
  'replace-all': Flags.boolean(text('replace-all')),
  yes: Flags.boolean({ char: 'y', ...text('yes') }),
};

export default class Generate extends BaseCommand<typeof Generate> {
  static override summary = help.summary;
  static override description = help.description;
  static override flags = flags;
  static override exitCodes = errorCodes;
  static override examples = [...help.examples];

  async run(): Promise<GenerateResult> {
    // zod, js-yaml and the adapters load only when a run gets this far.
    const { readSettings } = await import('../settings.js');
    const { buildDeps } = await import('../build-deps.js');
    const settings = await readSettings(this.flags);
    const deps = await buildDeps(settings, {
      env: this.env,
      lang: this.lang,
      logger: this.logger,
      now: this.now,
      signal: this.interrupt.signal,
      startProgress: (options) => this.startProgress(options),
    });
    const result = await runGenerate(deps, settings);
    showResult(result, {
      lang: this.lang,
      json: this.jsonEnabled(),
      print: (text) => this.log(text),
      logger: this.logger,
      setExitCode: (code) => this.setExitCode(code),
    });
    return result;
  }
}
