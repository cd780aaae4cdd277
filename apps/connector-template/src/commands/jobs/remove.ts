import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../../build-deps.js';
import { dbCatalog } from '../../i18n/index.js';
import { showRemoved } from '../../render.js';
import { removeJob } from '../../run-jobs.js';
import { readJobSettings, settingsOrThrow } from '../../settings.js';

export default class JobsRemove extends BaseCommand<typeof JobsRemove> {
  static override summary = 'Remove a job with its history and log rows.';
  static override examples = [
    '<%= config.bin %> jobs remove 1',
    '<%= config.bin %> jobs remove 1 --yes',
  ];
  static override args = {
    id: Args.integer({ description: 'Job id (see jobs list).', required: true, min: 1 }),
  };
  static override flags = {
    yes: Flags.boolean({ summary: 'Do not ask for confirmation (needed without a terminal).' }),
  };
  static override exitCodes: readonly ErrorCode[] = [
    'OK',
    'USAGE',
    'CONFIG',
    'CANCELLED',
    'INTERNAL',
  ];
  static override catalogs = { db: dbCatalog };

  async run(): Promise<{ id: number; name: string; removed: true }> {
    const settings = settingsOrThrow(
      readJobSettings(this.flags, this.args.id, this.env, process.cwd()),
    );
    const deps = await buildDeps(settings, { lang: this.lang, logger: this.logger, now: this.now });
    try {
      return showRemoved(await removeJob(deps, settings), {
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
