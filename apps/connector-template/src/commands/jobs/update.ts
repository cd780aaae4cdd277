import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { toNewJob } from '@toolbelt/connector';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../../deps.js';
import { definedEnv } from '../../env.js';
import { catalogs } from '../../i18n/catalogs.js';
import { jobNotFound, readJobFile, requireMasterHash } from '../../job-file.js';

export default class JobsUpdate extends BaseCommand<typeof JobsUpdate> {
  static override summary =
    'Replace a job with the definition in a JSON file (same id, history kept).';
  static override examples = ['<%= config.bin %> jobs update 1 --file job.json'];
  static override args = {
    id: Args.integer({ description: 'Job id (see jobs list).', required: true, min: 1 }),
  };
  static override flags = {
    file: Flags.string({ summary: 'The job definition (JSON).', required: true }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'DATA', 'CONFIG', 'INTERNAL'];
  static override catalogs = catalogs;

  async run(): Promise<{ id: number; name: string }> {
    const definition = await readJobFile(this.flags.file);
    const env = definedEnv(this.env);
    const job = toNewJob(definition, requireMasterHash(env));
    const deps = await buildDeps({ env });
    try {
      const found =
        (await deps.hasData()) && (await (await deps.jobs()).updateJob(this.args.id, job));
      if (!found) throw jobNotFound(this.args.id);
      this.logger.info(this.t('jobs.updated', { id: this.args.id, name: definition.name }));
      return { id: this.args.id, name: definition.name };
    } finally {
      await deps.close();
    }
  }
}
