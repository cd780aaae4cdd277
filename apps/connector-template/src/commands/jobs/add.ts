import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../../build-deps.js';
import { dbCatalog } from '../../i18n/index.js';
import { showAdded } from '../../render.js';
import { addJob, type SavedJob } from '../../run-jobs.js';
import { readJobFileSettings, settingsOrThrow } from '../../settings.js';

export default class JobsAdd extends BaseCommand<typeof JobsAdd> {
  static override summary =
    'Add a job from a JSON file; its credentials are stored encrypted with MASTER_HASH.';
  static override description =
    'A job with the same name is updated in place (same id, history kept), so adding the same file twice does not make a second job. CSV paths in the file are relative to the file.';
  static override examples = ['<%= config.bin %> jobs add --file examples/connector/job.json'];
  static override flags = {
    file: Flags.string({ summary: 'The job definition (JSON).', required: true }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'DATA', 'CONFIG', 'INTERNAL'];
  static override catalogs = { db: dbCatalog };

  async run(): Promise<SavedJob> {
    const check = readJobFileSettings(this.flags, undefined, this.env, process.cwd());
    const settings = settingsOrThrow(check);
    const deps = await buildDeps(settings, { lang: this.lang, logger: this.logger, now: this.now });
    try {
      return showAdded(await addJob(deps, settings), {
        lang: this.lang,
        json: this.jsonEnabled(),
        print: (text) => this.log(text),
        logger: this.logger,
      });
    } finally {
      await deps.close();
    }
  }
}
