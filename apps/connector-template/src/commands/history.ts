import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../build-deps.js';
import { dbCatalog } from '../i18n/index.js';
import { showHistory, type HistoryJson } from '../render.js';
import { runHistory } from '../run-history.js';
import { readHistorySettings, settingsOrThrow } from '../settings.js';

export default class History extends BaseCommand<typeof History> {
  static override summary = 'Show job runs (history rows), or the log rows of one run.';
  static override examples = [
    '<%= config.bin %> history',
    '<%= config.bin %> history --job 1',
    '<%= config.bin %> history --history 7 --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: 'Only this job.', min: 1 }),
    history: Flags.integer({ summary: 'Show the log rows of this run.', min: 1 }),
    limit: Flags.integer({ summary: 'Most rows to show.', default: 20, min: 1 }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'CONFIG', 'INTERNAL'];
  static override catalogs = { db: dbCatalog };
  static override writesLogFile = false;

  async run(): Promise<HistoryJson> {
    const settings = settingsOrThrow(readHistorySettings(this.flags, this.env, process.cwd()));
    const deps = await buildDeps(settings, { lang: this.lang, logger: this.logger, now: this.now });
    try {
      return showHistory(await runHistory(deps, settings), {
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
