import type { Database, Migration, Queryable } from '@toolbelt/db';
import type { ParamValues } from '../core/job-params.js';
import type { RunOutcome, RunStatus } from '../core/run-status.js';

/** A stored run (parameters already masked). */
export interface RunRecord {
  id: number;
  job: string;
  params: ParamValues;
  status: RunStatus;
  exitCode: number | null;
  reason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  startedBy: string;
  timeoutSeconds: number | null;
  cancelRequested: boolean;
  lineCount: number;
  rerunOf: number | null;
}

/** Where a log line came from: the job's two streams, or the executioner itself. */
export type LineStream = 'stdout' | 'stderr' | 'system';

/** One stored log line. */
export interface LogLine {
  seq: number;
  stream: LineStream;
  at: Date;
  line: string;
}

/** What a new run needs. */
export interface NewRun {
  job: string;
  /** Masked parameters (see `maskParams`): this is what gets stored. */
  params: ParamValues;
  startedBy: string;
  timeoutSeconds?: number | null;
  rerunOf?: number | null;
}

/** History filters of `runs` and the web history page. */
export interface RunQuery {
  job?: string;
  status?: RunStatus;
  /** Matched (case-insensitively) against the job name, parameters and log text. */
  search?: string;
  limit?: number;
  /** Only runs with an id below this (paging back). */
  beforeId?: number;
}

export const migrations: readonly Migration[] = [
  {
    id: 'job-runner-001-runs-and-lines',
    sql: `
      CREATE TABLE job_runner_runs (
        id bigserial PRIMARY KEY,
        job text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled')),
        exit_code integer,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        started_by text NOT NULL,
        timeout_seconds integer,
        cancel_requested boolean NOT NULL DEFAULT false,
        line_count integer NOT NULL DEFAULT 0,
        rerun_of bigint
      );
      CREATE INDEX job_runner_runs_job ON job_runner_runs (job, id DESC);
      CREATE INDEX job_runner_runs_created ON job_runner_runs (created_at);
      CREATE TABLE job_runner_lines (
        run_id bigint NOT NULL REFERENCES job_runner_runs (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        stream text NOT NULL,
        at timestamptz NOT NULL,
        line text NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
    `,
  },
  {
    // Which process executes a running run, so that one left behind by a crash is found.
    id: 'job-runner-002-executor',
    sql: `ALTER TABLE job_runner_runs ADD COLUMN executor_host text, ADD COLUMN executor_pid integer`,
  },
];

/** The process executing a run: its host name and pid. */
export interface Executor {
  host: string;
  pid: number;
}

const runColumns = `id, job, params, status, exit_code, reason, created_at, started_at, finished_at,
  started_by, timeout_seconds, cancel_requested, line_count, rerun_of`;

function toRun(row: Record<string, unknown>): RunRecord {
  return {
    id: Number(row.id),
    job: String(row.job),
    params: (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as ParamValues,
    status: row.status as RunStatus,
    exitCode: row.exit_code === null ? null : Number(row.exit_code),
    reason: (row.reason as string | null) ?? null,
    createdAt: row.created_at as Date,
    startedAt: (row.started_at as Date | null) ?? null,
    finishedAt: (row.finished_at as Date | null) ?? null,
    startedBy: String(row.started_by),
    timeoutSeconds: row.timeout_seconds === null ? null : Number(row.timeout_seconds),
    cancelRequested: row.cancel_requested === true,
    lineCount: Number(row.line_count),
    rerunOf: row.rerun_of === null ? null : Number(row.rerun_of),
  };
}

function toLine(row: Record<string, unknown>): LogLine {
  return {
    seq: Number(row.seq),
    stream: row.stream as LineStream,
    at: row.at as Date,
    line: String(row.line),
  };
}

/** PostgreSQL text cannot hold NUL. */
function storable(line: string): string {
  return line.includes('\u0000') ? line.replaceAll('\u0000', '\uFFFD') : line;
}

/** Escape LIKE wildcards so a search text matches literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Runs and their log lines in the `Database` port (PostgreSQL or PGlite). */
export interface RunStore {
  readonly db: Queryable;
  createRun(run: NewRun): Promise<RunRecord>;
  getRun(id: number): Promise<RunRecord | undefined>;
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  /** queued -> running, atomically: false when another executioner took it or it was cancelled. */
  claimRun(id: number, now: Date, executor?: Executor): Promise<RunRecord | undefined>;
  /**
   * Store a batch of lines (seq ascending, continuing the run's count) and return whether a
   * cancel was requested meanwhile.
   */
  appendLines(runId: number, lines: readonly LogLine[]): Promise<{ cancelRequested: boolean }>;
  finishRun(id: number, outcome: RunOutcome, now: Date): Promise<void>;
  /** Ask a run to stop: a queued run is cancelled at once, a running one by its executioner. */
  requestCancel(id: number, now: Date): Promise<RunRecord | undefined>;
  /** Lines after `afterSeq`, in order. */
  readLines(runId: number, afterSeq: number, limit: number): Promise<LogLine[]>;
  /** The last `limit` lines before `beforeSeq` (the tail when undefined), in order. */
  readTail(runId: number, limit: number, beforeSeq?: number): Promise<LogLine[]>;
  /** Delete finished runs (and their lines) created before `cutoff`. */
  pruneRuns(cutoff: Date): Promise<number>;
  /**
   * Record every `queued` or `running` run as failed with `reason` (their executioner is known
   * to be gone: the embedded folder's new owner calls it on open). Returns how many.
   */
  failUnfinished(now: Date, reason: string): Promise<number>;
  /**
   * Record as failed with `reason` the runs still `running` whose executor was on `host` and
   * is no longer alive there (`alive(pid)` false). Returns how many.
   */
  failDeadExecutors(
    now: Date,
    reason: string,
    host: string,
    alive: (pid: number) => boolean,
  ): Promise<number>;
}

/** Options of {@link createRunStore}. */
export interface RunStoreOptions {
  /**
   * Store log lines with COPY (several times faster): on a real PostgreSQL server, where the
   * executioner has a connection of its own.
   */
  copyLines?: boolean;
}

/** Create the run store on an open database; `migrate` it once first (see {@link prepareRunStore}). */
export function createRunStore(db: Queryable, options: RunStoreOptions = {}): RunStore {
  const one = async (sql: string, params: readonly unknown[]): Promise<RunRecord | undefined> => {
    const { rows } = await db.query(sql, params);
    return rows[0] ? toRun(rows[0]) : undefined;
  };
  return {
    db,
    async createRun(run) {
      const created = await one(
        `INSERT INTO job_runner_runs (job, params, status, started_by, timeout_seconds, rerun_of)
         VALUES ($1, $2::jsonb, 'queued', $3, $4, $5) RETURNING ${runColumns}`,
        [
          run.job,
          JSON.stringify(run.params),
          run.startedBy,
          run.timeoutSeconds ?? null,
          run.rerunOf ?? null,
        ],
      );
      return created!;
    },
    getRun: (id) => one(`SELECT ${runColumns} FROM job_runner_runs WHERE id = $1`, [id]),
    async listRuns(query = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        where.push(sql(params.length));
      };
      if (query.job) add((n) => `r.job = $${n}`, query.job);
      if (query.status) add((n) => `r.status = $${n}`, query.status);
      if (query.beforeId) add((n) => `r.id < $${n}`, query.beforeId);
      if (query.search) {
        add(
          (n) => `(r.job ILIKE $${n} OR r.params::text ILIKE $${n}
            OR EXISTS (SELECT 1 FROM job_runner_lines l WHERE l.run_id = r.id AND l.line ILIKE $${n}))`,
          likePattern(query.search),
        );
      }
      params.push(Math.min(Math.max(query.limit ?? 50, 1), 1000));
      const { rows } = await db.query(
        `SELECT ${runColumns} FROM job_runner_runs r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY r.id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toRun);
    },
    claimRun: (id, now, executor) =>
      one(
        `UPDATE job_runner_runs SET status = 'running', started_at = $2,
           executor_host = $3, executor_pid = $4
         WHERE id = $1 AND status = 'queued' RETURNING ${runColumns}`,
        [id, now, executor?.host ?? null, executor?.pid ?? null],
      ),
    async appendLines(runId, lines) {
      if (lines.length === 0) {
        const run = await one(`SELECT ${runColumns} FROM job_runner_runs WHERE id = $1`, [runId]);
        return { cancelRequested: run?.cancelRequested ?? false };
      }
      const last = lines[lines.length - 1]!.seq;
      if (options.copyLines) {
        await db.copyFrom(
          'job_runner_lines',
          ['run_id', 'seq', 'stream', 'at', 'line'],
          lines.map((l) => [runId, l.seq, l.stream, l.at, storable(l.line)]),
        );
        const { rows } = await db.query<{ cancel_requested: boolean }>(
          'UPDATE job_runner_runs SET line_count = GREATEST(line_count, $2) WHERE id = $1 RETURNING cancel_requested',
          [runId, last],
        );
        return { cancelRequested: rows[0]?.cancel_requested === true };
      }
      // One statement per batch: the rows go in as arrays, and the run's line count moves on.
      const { rows } = await db.query<{ cancel_requested: boolean }>(
        `WITH ins AS (
           INSERT INTO job_runner_lines (run_id, seq, stream, at, line)
           SELECT $1, u.seq, u.stream, u.at, u.line
           FROM unnest($2::int[], $3::text[], $4::timestamptz[], $5::text[]) AS u(seq, stream, at, line)
           RETURNING 1
         )
         UPDATE job_runner_runs SET line_count = GREATEST(line_count, $6)
         WHERE id = $1 RETURNING cancel_requested`,
        [
          runId,
          lines.map((l) => l.seq),
          lines.map((l) => l.stream),
          lines.map((l) => l.at.toISOString()),
          lines.map((l) => storable(l.line)),
          last,
        ],
      );
      return { cancelRequested: rows[0]?.cancel_requested === true };
    },
    async finishRun(id, outcome, now) {
      await db.query(
        `UPDATE job_runner_runs SET status = $2, exit_code = $3, reason = $4, finished_at = $5
         WHERE id = $1 AND status IN ('queued', 'running')`,
        [id, outcome.status, outcome.exitCode, outcome.reason, now],
      );
    },
    requestCancel: (id, now) =>
      one(
        `UPDATE job_runner_runs SET cancel_requested = true,
           status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
           reason = CASE WHEN status = 'queued' THEN 'cancelled' ELSE reason END,
           finished_at = CASE WHEN status = 'queued' THEN $2::timestamptz ELSE finished_at END
         WHERE id = $1 RETURNING ${runColumns}`,
        [id, now],
      ),
    async readLines(runId, afterSeq, limit) {
      const { rows } = await db.query(
        `SELECT seq, stream, at, line FROM job_runner_lines WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [runId, afterSeq, limit],
      );
      return rows.map(toLine);
    },
    async readTail(runId, limit, beforeSeq) {
      const { rows } = await db.query(
        `SELECT seq, stream, at, line FROM job_runner_lines WHERE run_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
        [runId, beforeSeq ?? 2_147_483_647, limit],
      );
      return rows.map(toLine).reverse();
    },
    async failUnfinished(now, reason) {
      const { rowCount } = await db.query(
        `UPDATE job_runner_runs SET status = 'failed', reason = $2, finished_at = $1
         WHERE status IN ('queued', 'running')`,
        [now, reason],
      );
      return rowCount;
    },
    async failDeadExecutors(now, reason, host, alive) {
      const { rows } = await db.query<{ id: number; executor_pid: number }>(
        `SELECT id, executor_pid FROM job_runner_runs
         WHERE status = 'running' AND executor_host = $1 AND executor_pid IS NOT NULL`,
        [host],
      );
      const dead = rows.filter((r) => !alive(Number(r.executor_pid))).map((r) => Number(r.id));
      if (dead.length === 0) return 0;
      const { rowCount } = await db.query(
        `UPDATE job_runner_runs SET status = 'failed', reason = $2, finished_at = $1
         WHERE id = ANY($3::bigint[]) AND status = 'running'`,
        [now, reason, dead],
      );
      return rowCount;
    },
    async pruneRuns(cutoff) {
      const { rowCount } = await db.query(
        `DELETE FROM job_runner_runs WHERE created_at < $1 AND status IN ('succeeded', 'failed', 'cancelled')`,
        [cutoff],
      );
      return rowCount;
    },
  };
}

/** Apply the job runner's migrations and return its store. */
export async function prepareRunStore(db: Database): Promise<RunStore> {
  const { migrate } = await import('@toolbelt/db');
  await migrate(db, migrations);
  return createRunStore(db);
}
