import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { withDeps } from '../../build-deps.js';
import { helpEn } from '../../i18n/help.js';
import { showAdded } from '../../render.js';
import { addJob, type SavedJob } from '../../run-jobs.js';
import { readJobFileSettings, settingsOrThrow } from '../../settings.js';

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
    const settings = settingsOrThrow(
      readJobFileSettings(this.flags, undefined, this.env, process.cwd()),
    );
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showAdded(await addJob(deps, settings), out),
    );
  }
}
