import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../build-deps.js';
import { dbCatalog } from '../i18n/index.js';
import { showCheck } from '../render.js';
import { runCheck, type CheckResult } from '../run-check.js';
import { readCheckSettings, settingsOrThrow } from '../settings.js';

export default class Check extends BaseCommand<typeof Check> {
  static override summary =
    'Check a job without moving data: env, registry, credentials, store and reachability.';
  static override examples = [
    '<%= config.bin %> check --job 1',
    'JOB_ID=1 <%= config.bin %> check --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: 'Job id (default: env JOB_ID).', min: 1 }),
    registry: Flags.string({
      summary: 'Connector registry file (default ./connectors.yaml when present).',
    }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'];
  static override catalogs = { db: dbCatalog };

  async run(): Promise<CheckResult> {
    const settings = settingsOrThrow(readCheckSettings(this.flags, this.env, process.cwd()));
    const deps = await buildDeps(settings, { lang: this.lang, logger: this.logger, now: this.now });
    try {
      return showCheck(await runCheck(deps, settings), {
        lang: this.lang,
        json: this.jsonEnabled(),
        print: (text) => this.log(text),
        logger: this.logger,
        setExitCode: (code) => this.setExitCode(code),
      });
    } finally {
      await deps.close();
    }
  }
}
