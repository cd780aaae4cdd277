import { BaseCommand } from '@toolbelt/cli-kit';
import type { JobSummary } from '@toolbelt/connector';
import type { ErrorCode } from '@toolbelt/errors';
import { formatTable } from '../../core/table.js';
import { buildDeps } from '../../deps.js';
import { definedEnv } from '../../env.js';
import { catalogs } from '../../i18n/catalogs.js';

export default class JobsList extends BaseCommand<typeof JobsList> {
  static override summary = 'List the jobs (never their credentials).';
  static override examples = ['<%= config.bin %> jobs list', '<%= config.bin %> jobs list --json'];
  static override exitCodes: readonly ErrorCode[] = ['OK', 'CONFIG', 'INTERNAL'];
  static override catalogs = catalogs;
  static override writesLogFile = false;

  async run(): Promise<{
    jobs: (Omit<JobSummary, 'updateMethod'> & { updateMethod: 'Append' | 'Replace' })[];
  }> {
    const deps = await buildDeps({ env: definedEnv(this.env) });
    if (!(await deps.hasData())) {
      // No database yet: no jobs, and nothing is created to say so.
      if (!this.jsonEnabled()) this.log(this.t('jobs.none'));
      await deps.close();
      return { jobs: [] };
    }
    try {
      const jobs = await (await deps.jobs()).listJobs();
      if (!this.jsonEnabled()) {
        if (jobs.length === 0) this.log(this.t('jobs.none'));
        else {
          const h = (k: string): string => this.t(`jobs.headers.${k}`);
          const rows = jobs.map((j) => [
            String(j.id),
            j.name,
            `${j.source}: ${j.sourceObject}`,
            `${j.destination}: ${j.destinationObject}`,
            this.t(`jobs.methods.${j.updateMethod === 2 ? 'replace' : 'append'}`),
          ]);
          this.log(
            formatTable([h('id'), h('name'), h('source'), h('destination'), h('method')], rows),
          );
        }
      }
      // --json names the update method (`Replace`), as the table does.
      return {
        jobs: jobs.map((j) => ({
          ...j,
          updateMethod: j.updateMethod === 2 ? 'Replace' : 'Append',
        })),
      };
    } finally {
      await deps.close();
    }
  }
}
