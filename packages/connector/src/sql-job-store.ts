import type { Migration, Queryable } from '@toolbelt/db';
import type { Selection, UpdateMethod } from './codes.js';
import type { ColumnMapping } from './columns.js';
import type { HistoryRow, JobDetails, JobStore, JobSummary, LogRow, NewJob } from './job.js';

/** Tables of the job database: jobs, their runs (history) and log rows. */
export const connectorMigrations: Migration[] = [
  {
    id: 'connector-001-jobs',
    sql: `
CREATE TABLE connector_job (
  job_id bigserial PRIMARY KEY,
  job_nm text NOT NULL,
  source_connector_id text NOT NULL,
  source_object_id text NOT NULL DEFAULT '',
  source_options_json jsonb NOT NULL DEFAULT '{}',
  source_credential_txt text,
  destination_connector_id text NOT NULL,
  destination_object_id text NOT NULL DEFAULT '',
  destination_options_json jsonb NOT NULL DEFAULT '{}',
  destination_credential_txt text,
  job_data_json jsonb NOT NULL DEFAULT '[]',
  filtered_column_nm text,
  start_selection_nm text CHECK (start_selection_nm IN ('Today', 'Yesterday', 'Custom')),
  start_value_txt text,
  end_selection_nm text CHECK (end_selection_nm IN ('Today', 'Yesterday', 'Custom')),
  end_value_txt text,
  timezone_offset_nbr numeric NOT NULL DEFAULT 0,
  update_method_cd smallint NOT NULL DEFAULT 1 CHECK (update_method_cd IN (1, 2)),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE connector_job_history (
  history_id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES connector_job (job_id),
  status_cd smallint NOT NULL CHECK (status_cd IN (1, 2, 3)),
  row_count bigint NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX connector_job_history_job ON connector_job_history (job_id, history_id);
-- No foreign keys: a log row is written even for a job id that does not exist.
CREATE TABLE connector_job_log (
  log_id bigserial PRIMARY KEY,
  job_id bigint,
  history_id bigint,
  connector_id text NOT NULL,
  type_cd smallint NOT NULL CHECK (type_cd IN (1, 2)),
  log_txt text NOT NULL,
  external_flg boolean NOT NULL,
  logged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connector_job_log_history ON connector_job_log (history_id, log_id);
`,
  },
  {
    // The process working on a history (host:pid), so that a run killed mid-way is found.
    id: 'connector-002-history-owner',
    sql: 'ALTER TABLE connector_job_history ADD COLUMN owner_txt text;',
  },
];

type Raw = Record<string, unknown>;

const json = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined
    ? fallback
    : typeof value === 'string'
      ? (JSON.parse(value) as T)
      : (value as T);

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

function toJob(r: Raw): JobDetails {
  return {
    id: Number(r.job_id),
    name: String(r.job_nm),
    source: {
      connector: String(r.source_connector_id),
      object: (r.source_object_id as string | null) ?? '',
      options: json(r.source_options_json, {}),
      encryptedCredentials: (r.source_credential_txt as string | null) ?? null,
    },
    destination: {
      connector: String(r.destination_connector_id),
      object: (r.destination_object_id as string | null) ?? '',
      options: json(r.destination_options_json, {}),
      encryptedCredentials: (r.destination_credential_txt as string | null) ?? null,
    },
    mapping: json<ColumnMapping[]>(r.job_data_json, []),
    filterColumn: (r.filtered_column_nm as string | null) ?? null,
    startSelection: (r.start_selection_nm as Selection | null) ?? null,
    startValue: (r.start_value_txt as string | null) ?? null,
    endSelection: (r.end_selection_nm as Selection | null) ?? null,
    endValue: (r.end_value_txt as string | null) ?? null,
    timezoneOffset: Number(r.timezone_offset_nbr ?? 0),
    updateMethod: Number(r.update_method_cd) as UpdateMethod,
  };
}

function toHistory(r: Raw): HistoryRow {
  return {
    id: Number(r.history_id),
    jobId: Number(r.job_id),
    status: Number(r.status_cd) as 1 | 2 | 3,
    rowCount: Number(r.row_count),
    startedAt: toDate(r.started_at),
    finishedAt:
      r.finished_at === null || r.finished_at === undefined ? null : toDate(r.finished_at),
  };
}

/** Options of `createSqlJobStore`. */
export interface SqlJobStoreOptions {
  /**
   * The run's clock for `created_at`, `started_at`, `finished_at` and `logged_at` (so that
   * `TOOLBELT_NOW` reaches them); default: the database server's `now()`.
   */
  now?: () => Date;
}

/** The job store on the `Database` port (PostgreSQL or PGlite); run `connectorMigrations` first. */
export function createSqlJobStore(db: Queryable, options: SqlJobStoreOptions = {}): JobStore {
  // null lets the SQL fall back to the server's now().
  const at = (): string | null => options.now?.().toISOString() ?? null;
  return {
    async addJob(job: NewJob) {
      const result = await db.query<{ job_id: string | number }>(
        `INSERT INTO connector_job (job_nm, source_connector_id, source_object_id, source_options_json, source_credential_txt,
           destination_connector_id, destination_object_id, destination_options_json, destination_credential_txt,
           job_data_json, filtered_column_nm, start_selection_nm, start_value_txt, end_selection_nm, end_value_txt,
           timezone_offset_nbr, update_method_cd, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8::jsonb, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17,
           COALESCE($18::timestamptz, now()))
         RETURNING job_id`,
        [...jobValues(job), at()],
      );
      return Number(result.rows[0]?.job_id);
    },
    async updateJob(id: number, job: NewJob) {
      const result = await db.query(
        `UPDATE connector_job SET job_nm = $2, source_connector_id = $3, source_object_id = $4,
           source_options_json = $5::jsonb, source_credential_txt = $6, destination_connector_id = $7,
           destination_object_id = $8, destination_options_json = $9::jsonb, destination_credential_txt = $10,
           job_data_json = $11::jsonb, filtered_column_nm = $12, start_selection_nm = $13, start_value_txt = $14,
           end_selection_nm = $15, end_value_txt = $16, timezone_offset_nbr = $17, update_method_cd = $18
         WHERE job_id = $1 RETURNING job_id`,
        [id, ...jobValues(job)],
      );
      return result.rows.length > 0;
    },
    async removeJob(id: number) {
      // Logs have no foreign key; history rows reference the job, so they go before it.
      await db.query('DELETE FROM connector_job_log WHERE job_id = $1', [id]);
      await db.query('DELETE FROM connector_job_history WHERE job_id = $1', [id]);
      const result = await db.query(
        'DELETE FROM connector_job WHERE job_id = $1 RETURNING job_id',
        [id],
      );
      return result.rows.length > 0;
    },
    async getJob(id) {
      const result = await db.query('SELECT * FROM connector_job WHERE job_id = $1', [id]);
      const row = result.rows[0];
      return row ? toJob(row) : undefined;
    },
    async listJobs(): Promise<JobSummary[]> {
      const result = await db.query(
        'SELECT job_id, job_nm, source_connector_id, source_object_id, destination_connector_id, destination_object_id, update_method_cd FROM connector_job ORDER BY job_id',
      );
      return result.rows.map((r) => ({
        id: Number(r.job_id),
        name: String(r.job_nm),
        source: String(r.source_connector_id),
        sourceObject: String(r.source_object_id),
        destination: String(r.destination_connector_id),
        destinationObject: String(r.destination_object_id),
        updateMethod: Number(r.update_method_cd) as UpdateMethod,
      }));
    },
    async createHistory(jobId, owner) {
      const result = await db.query<{ history_id: string | number }>(
        `INSERT INTO connector_job_history (job_id, status_cd, owner_txt, started_at)
         VALUES ($1, 1, $2, COALESCE($3::timestamptz, now())) RETURNING history_id`,
        [jobId, owner ?? null, at()],
      );
      return Number(result.rows[0]?.history_id);
    },
    async getHistory(id) {
      const result = await db.query('SELECT * FROM connector_job_history WHERE history_id = $1', [
        id,
      ]);
      const row = result.rows[0];
      return row ? toHistory(row) : undefined;
    },
    async updateHistory(id, update) {
      await db.query(
        `UPDATE connector_job_history SET status_cd = $2::smallint, row_count = COALESCE($3::bigint, row_count),
           finished_at = CASE WHEN $2::smallint = 1 THEN NULL ELSE COALESCE($6::timestamptz, now()) END,
           owner_txt = CASE WHEN $4::boolean THEN $5::text ELSE owner_txt END
         WHERE history_id = $1`,
        [
          id,
          update.status,
          update.rowCount ?? null,
          update.owner !== undefined,
          update.owner ?? null,
          at(),
        ],
      );
    },
    async failInterruptedHistories(jobId, isGone) {
      const running = await db.query<{ history_id: string | number; owner_txt: string }>(
        `SELECT history_id, owner_txt FROM connector_job_history
         WHERE job_id = $1 AND status_cd = 1 AND owner_txt IS NOT NULL ORDER BY history_id`,
        [jobId],
      );
      const failed: number[] = [];
      for (const row of running.rows) {
        if (!isGone(row.owner_txt)) continue;
        // Only if nobody took the history over since it was read.
        const marked = await db.query(
          `UPDATE connector_job_history SET status_cd = 3, finished_at = COALESCE($3::timestamptz, now())
           WHERE history_id = $1 AND status_cd = 1 AND owner_txt = $2`,
          [row.history_id, row.owner_txt, at()],
        );
        if (marked.rowCount > 0) failed.push(Number(row.history_id));
      }
      return failed;
    },
    async listHistory(filter = {}) {
      const result = await db.query(
        `SELECT * FROM connector_job_history WHERE ($1::bigint IS NULL OR job_id = $1) ORDER BY history_id DESC LIMIT $2`,
        [filter.jobId ?? null, filter.limit ?? 50],
      );
      return result.rows.map(toHistory);
    },
    async insertLog(row: LogRow) {
      await db.query(
        `INSERT INTO connector_job_log (job_id, history_id, connector_id, type_cd, log_txt, external_flg, logged_at)
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()))`,
        [row.jobId, row.historyId, row.connector, row.type, row.text, row.external, at()],
      );
    },
    async listLogs(filter = {}) {
      const result = await db.query(
        `SELECT * FROM connector_job_log
         WHERE ($1::bigint IS NULL OR job_id = $1) AND ($2::bigint IS NULL OR history_id = $2)
         ORDER BY log_id LIMIT $3`,
        [filter.jobId ?? null, filter.historyId ?? null, filter.limit ?? 1000],
      );
      return result.rows.map((r) => ({
        jobId: r.job_id === null ? null : Number(r.job_id),
        historyId: r.history_id === null ? null : Number(r.history_id),
        connector: String(r.connector_id),
        type: Number(r.type_cd) as 1 | 2,
        text: String(r.log_txt),
        external: Boolean(r.external_flg),
        loggedAt: toDate(r.logged_at),
      }));
    },
  };
}

/** A job's column values, in the order of connector_job's job columns (insert and update). */
function jobValues(job: NewJob): unknown[] {
  return [
    job.name,
    job.source.connector,
    job.source.object,
    JSON.stringify(job.source.options),
    job.source.encryptedCredentials,
    job.destination.connector,
    job.destination.object,
    JSON.stringify(job.destination.options),
    job.destination.encryptedCredentials,
    JSON.stringify(job.mapping),
    job.filterColumn,
    job.startSelection,
    job.startValue,
    job.endSelection,
    job.endValue,
    job.timezoneOffset,
    job.updateMethod,
  ];
}
