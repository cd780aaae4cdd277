import { Args } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../../i18n/help.js';
import type { ShownJob } from '../../render.js';

const { summary, args } = helpEn['jobs:show'];

export default class JobsShow extends BaseCommand<typeof JobsShow> {
  static override summary = summary;
  static override examples = [
    '<%= config.bin %> jobs show 1',
    '<%= config.bin %> jobs show 1 --json',
  ];
  static override args = {
    id: Args.integer({ description: args.id, required: true, min: 1 }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'];
  static override writesLogFile = false;

  async run(): Promise<ShownJob> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readJobSettings, settingsOrThrow } = await import('../../settings.js');
    const settings = settingsOrThrow(readJobSettings({}, this.args.id, this.env, process.cwd()));
    const { withDeps } = await import('../../build-deps.js');
    const { showJob } = await import('../../render.js');
    const { showJob: readJob } = await import('../../run-jobs.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showJob(await readJob(deps, settings), out),
    );
  }
}
