import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../../i18n/help.js';
import type { SavedJob } from '../../run-jobs.js';

const { summary, description, flags: help } = helpEn['jobs:add'];

export default class JobsAdd extends BaseCommand<typeof JobsAdd> {
  static override summary = summary;
  static override description = description;
  static override examples = ['<%= config.bin %> jobs add --file examples/connector/job.json'];
  static override flags = {
    file: Flags.string({ summary: help.file, required: true }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'DATA', 'CONFIG', 'INTERNAL'];

  async run(): Promise<SavedJob> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readJobFileSettings, settingsOrThrow } = await import('../../settings.js');
    const settings = settingsOrThrow(
      readJobFileSettings(this.flags, undefined, this.env, process.cwd()),
    );
    const { withDeps } = await import('../../build-deps.js');
    const { showAdded } = await import('../../render.js');
    const { addJob } = await import('../../run-jobs.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showAdded(await addJob(deps, settings), out),
    );
  }
}
