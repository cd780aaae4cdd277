import { Args, Flags } from '@oclif/core';
import { BaseCommand, cancelledError, promptConfirm } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../../deps.js';
import { definedEnv } from '../../env.js';
import { catalogs } from '../../i18n/catalogs.js';
import { jobNotFound } from '../../job-file.js';

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
  static override catalogs = catalogs;

  async run(): Promise<{ id: number; name: string; removed: true }> {
    const deps = await buildDeps({ env: definedEnv(this.env) });
    try {
      const jobs = (await deps.hasData()) ? await deps.jobs() : undefined;
      const job = jobs ? await jobs.getJob(this.args.id) : undefined;
      if (!jobs || !job) throw jobNotFound(this.args.id);
      if (
        !this.flags.yes &&
        !(await promptConfirm({
          message: this.t('jobs.confirmRemove', { id: job.id, name: job.name }),
          flag: '--yes',
        }))
      )
        throw cancelledError(this.t('jobs.notRemoved', { id: job.id }));
      await jobs.removeJob(job.id);
      this.logger.info(this.t('jobs.removed', { id: job.id, name: job.name }));
      return { id: job.id, name: job.name, removed: true };
    } finally {
      await deps.close();
    }
  }
}
