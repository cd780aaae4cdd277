import type { Queryable } from '@toolbelt/db';
import type { PruneCriteria } from '../core/retention.js';

/** Finished runs that the criteria select, with each one's rank among its job's finished runs. */
function selection(criteria: PruneCriteria): { sql: string; params: unknown[] } {
  return {
    sql: `WITH ranked AS (
        SELECT id, job, created_at, row_number() OVER (PARTITION BY job ORDER BY id DESC) AS n
        FROM job_runner_runs WHERE status IN ('succeeded', 'failed', 'cancelled'))
      SELECT id, job FROM ranked
      WHERE ($1::timestamptz IS NOT NULL AND created_at < $1::timestamptz)
         OR ($2::integer IS NOT NULL AND n > $2::integer)`,
    params: [criteria.cutoff ?? null, criteria.keepRuns ?? null],
  };
}

/** How many finished runs the criteria would delete, per job (for `prune --dry-run`). */
export async function countPrunable(
  db: Queryable,
  criteria: PruneCriteria,
): Promise<{ total: number; byJob: Record<string, number> }> {
  if (criteria.cutoff === undefined && criteria.keepRuns === undefined)
    return { total: 0, byJob: {} };
  const { sql, params } = selection(criteria);
  const { rows } = await db.query(
    `SELECT job, count(*)::integer AS runs FROM (${sql}) s GROUP BY job ORDER BY job`,
    params,
  );
  const byJob: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const runs = Number(row.runs);
    byJob[String(row.job)] = runs;
    total += runs;
  }
  return { total, byJob };
}

/** Delete the finished runs the criteria select, with their lines; returns how many. */
export async function pruneFinishedRuns(db: Queryable, criteria: PruneCriteria): Promise<number> {
  if (criteria.cutoff === undefined && criteria.keepRuns === undefined) return 0;
  const { sql, params } = selection(criteria);
  const { rowCount } = await db.query(
    `DELETE FROM job_runner_runs WHERE id IN (SELECT id FROM (${sql}) s)`,
    params,
  );
  return rowCount;
}

/** Options of {@link startRetention}. */
export interface RetentionLoopOptions {
  /** The criteria at a moment (the retention applied to that time). */
  criteriaAt(now: Date): PruneCriteria;
  now(): Date;
  /** Time between passes (default one hour). */
  intervalMs?: number;
  /** Told how many runs each pass deleted, or why it failed (the loop goes on). */
  report(deleted: number | Error): void;
}

/**
 * Apply a retention now and then every `intervalMs` until stopped (`serve`, `worker`). Several
 * processes may do it at once: a run deleted twice is deleted once.
 */
export function startRetention(db: Queryable, options: RetentionLoopOptions): () => Promise<void> {
  let pass: Promise<void> = Promise.resolve();
  const run = (): void => {
    pass = pass.then(async () => {
      try {
        options.report(await pruneFinishedRuns(db, options.criteriaAt(options.now())));
      } catch (error) {
        options.report(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? 3_600_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await pass;
  };
}
