import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { historyStatusNames, type HistoryRow, type LogRow } from '@toolbelt/connector';
import { ToolbeltError, type ErrorCode } from '@toolbelt/errors';
import { formatTable } from '../core/table.js';
import { buildDeps } from '../deps.js';
import { definedEnv } from '../env.js';
import { catalogs } from '../i18n/catalogs.js';

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
  static override catalogs = catalogs;
  static override writesLogFile = false;

  async run(): Promise<{ history: NamedHistoryRow[]; logs?: NamedLogRow[] }> {
    const deps = await buildDeps({ env: definedEnv(this.env) });
    if (!(await deps.hasData())) {
      // No database yet: nothing to show, and nothing is created to show it.
      await deps.close();
      // No database, so no job and no run by that id either.
      if (this.flags.job !== undefined)
        throw notFound('history.jobNotFound', this.flags.job, `There is no job ${this.flags.job}.`);
      if (this.flags.history !== undefined)
        throw notFound(
          'history.historyNotFound',
          this.flags.history,
          `There is no run ${this.flags.history}.`,
        );
      if (!this.jsonEnabled()) this.log(this.t('history.none'));
      return this.flags.history === undefined ? { history: [] } : { history: [], logs: [] };
    }
    try {
      const jobs = await deps.jobs();
      const h = (k: string): string => this.t(`history.headers.${k}`);
      // An id that names nothing is a mistake to point out, not an empty history.
      if (this.flags.job !== undefined && !(await jobs.getJob(this.flags.job)))
        throw notFound('history.jobNotFound', this.flags.job, `There is no job ${this.flags.job}.`);
      if (this.flags.history !== undefined) {
        const row = await jobs.getHistory(this.flags.history);
        if (!row)
          throw notFound(
            'history.historyNotFound',
            this.flags.history,
            `There is no run ${this.flags.history}.`,
          );
        const logs = await jobs.listLogs({
          historyId: this.flags.history,
          limit: this.flags.limit * 50,
        });
        const l = (k: string): string => this.t(`history.logHeaders.${k}`);
        if (!this.jsonEnabled()) {
          this.log(
            formatTable(
              [l('time'), l('type'), l('connector'), l('text')],
              logs.map((r) => [
                r.loggedAt?.toISOString() ?? '',
                r.type === 2 ? 'ERROR' : 'INFO',
                r.connector,
                r.external ? r.text : `[internal] ${r.text.split('\n')[0] ?? ''}`,
              ]),
            ),
          );
        }
        return {
          history: [named(row)],
          logs: logs.map((r) => ({ ...r, type: logTypeName(r.type) })),
        };
      }
      const history = await jobs.listHistory({
        ...(this.flags.job ? { jobId: this.flags.job } : {}),
        limit: this.flags.limit,
      });
      if (!this.jsonEnabled()) {
        if (history.length === 0) this.log(this.t('history.none'));
        else {
          const rows = history.map((r) => [
            String(r.id),
            String(r.jobId),
            historyStatusNames[r.status],
            String(r.rowCount),
            r.startedAt.toISOString(),
            r.finishedAt?.toISOString() ?? '',
          ]);
          this.log(
            formatTable(
              [h('id'), h('job'), h('status'), h('rows'), h('started'), h('finished')],
              rows,
            ),
          );
        }
      }
      return { history: history.map(named) };
    } finally {
      await deps.close();
    }
  }
}

/** A history row for --json: the status by name (`Finished`), not its code. */
export type NamedHistoryRow = Omit<HistoryRow, 'status'> & {
  status: (typeof historyStatusNames)[HistoryRow['status']];
};
/** A log row for --json: the type by name (`Info`, `Error`). */
export type NamedLogRow = Omit<LogRow, 'type'> & { type: 'Info' | 'Error' };

const named = (row: HistoryRow): NamedHistoryRow => ({
  ...row,
  status: historyStatusNames[row.status],
});
const logTypeName = (type: LogRow['type']): 'Info' | 'Error' => (type === 2 ? 'Error' : 'Info');

function notFound(key: string, id: number, english: string): ToolbeltError {
  return new ToolbeltError('CONFIG', english, { key, params: { id } });
}
