import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../../i18n/help.js';
import type { JobsJson } from '../../render.js';

export default class JobsList extends BaseCommand<typeof JobsList> {
  static override summary = helpEn['jobs:list'].summary;
  static override examples = ['<%= config.bin %> jobs list', '<%= config.bin %> jobs list --json'];
  static override exitCodes: readonly ErrorCode[] = ['OK', 'CONFIG', 'INTERNAL'];
  static override writesLogFile = false;

  async run(): Promise<JobsJson> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readSettings, settingsOrThrow } = await import('../../settings.js');
    const settings = settingsOrThrow(readSettings({}, this.env, process.cwd()));
    const { withDeps } = await import('../../build-deps.js');
    const { showJobs } = await import('../../render.js');
    const { listJobs } = await import('../../run-jobs.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showJobs(await listJobs(deps), out),
    );
  }
}
