import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { toNewJob } from '@toolbelt/connector';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../../deps.js';
import { definedEnv } from '../../env.js';
import { catalogs } from '../../i18n/catalogs.js';
import { readJobFile, requireMasterHash } from '../../job-file.js';

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
  static override catalogs = catalogs;

  async run(): Promise<{ id: number; name: string; updated: boolean }> {
    const definition = await readJobFile(this.flags.file);
    const env = definedEnv(this.env);
    const job = toNewJob(definition, requireMasterHash(env));
    const deps = await buildDeps({ env });
    try {
      const jobs = await deps.jobs();
      const same = (await jobs.listJobs()).find((j) => j.name === definition.name);
      if (same && (await jobs.updateJob(same.id, job))) {
        this.logger.info(this.t('jobs.updatedByName', { id: same.id, name: definition.name }));
        return { id: same.id, name: definition.name, updated: true };
      }
      const id = await jobs.addJob(job);
      this.logger.info(this.t('jobs.added', { id, name: definition.name }));
      return { id, name: definition.name, updated: false };
    } finally {
      await deps.close();
    }
  }
}
