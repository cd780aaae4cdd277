import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../../i18n/help.js';

const { summary, args, flags: help } = helpEn['jobs:update'];

export default class JobsUpdate extends BaseCommand<typeof JobsUpdate> {
  static override summary = summary;
  static override examples = ['<%= config.bin %> jobs update 1 --file job.json'];
  static override args = {
    id: Args.integer({ description: args.id, required: true, min: 1 }),
  };
  static override flags = {
    file: Flags.string({ summary: help.file, required: true }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'DATA', 'CONFIG', 'INTERNAL'];

  async run(): Promise<{ id: number; name: string }> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readJobFileSettings, settingsOrThrow } = await import('../../settings.js');
    const settings = settingsOrThrow(
      readJobFileSettings(this.flags, this.args.id, this.env, process.cwd()),
    );
    const { withDeps } = await import('../../build-deps.js');
    const { showUpdated } = await import('../../render.js');
    const { updateJob } = await import('../../run-jobs.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showUpdated(await updateJob(deps, settings), out),
    );
  }
}
