import { Args } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { formatTable } from '../../core/table.js';
import { buildDeps } from '../../deps.js';
import { definedEnv } from '../../env.js';
import { catalogs } from '../../i18n/catalogs.js';
import { jobNotFound, toShownJob, type ShownJob } from '../../job-file.js';

export default class JobsShow extends BaseCommand<typeof JobsShow> {
  static override summary = 'Show one job (never its credentials).';
  static override examples = [
    '<%= config.bin %> jobs show 1',
    '<%= config.bin %> jobs show 1 --json',
  ];
  static override args = {
    id: Args.integer({ description: 'Job id (see jobs list).', required: true, min: 1 }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'];
  static override catalogs = catalogs;
  static override writesLogFile = false;

  async run(): Promise<ShownJob> {
    const deps = await buildDeps({ env: definedEnv(this.env) });
    try {
      const job = (await deps.hasData())
        ? await (await deps.jobs()).getJob(this.args.id)
        : undefined;
      if (!job) throw jobNotFound(this.args.id);
      const shown = toShownJob(job);
      if (!this.jsonEnabled()) {
        const h = (k: string): string => this.t(`jobs.headers.${k}`);
        this.log(
          formatTable(
            [h('field'), h('value')],
            [
              [h('id'), String(shown.id)],
              [h('name'), shown.name],
              [h('source'), `${shown.source.connector}: ${shown.source.object}`],
              [h('destination'), `${shown.destination.connector}: ${shown.destination.object}`],
              [
                h('method'),
                this.t(`jobs.methods.${shown.updateMethod === 'Replace' ? 'replace' : 'append'}`),
              ],
              [
                h('mapping'),
                shown.mapping.map((m) => `${m.column} -> ${m.mapped || '-'}`).join(', '),
              ],
            ],
          ),
        );
      }
      return shown;
    } finally {
      await deps.close();
    }
  }
}
