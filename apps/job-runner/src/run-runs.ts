/**
 * The stored runs' commands (`runs`, `cancel`, `prune`): read and change the history, as data.
 * None of them creates a database where there is none.
 */
import { noTtyError } from '@toolbelt/cli-kit';
import type { PruneCriteria } from './core/retention.js';
import { isFinished, type RunStatus } from './core/run-status.js';
import type { RunRecord } from './adapters/run-store.js';
import { countPrunableRuns, openRunnerIfData, pruneRuns } from './build-deps.js';
import { requireRun } from './run-jobs.js';
import type { PruneSettings, RunnerSettings } from './settings.js';

/** Filters of `runs`. */
export interface RunsQuery {
  job?: string;
  status?: string;
  search?: string;
  limit: number;
}

/** `runs`: the history, newest first (none without a database). */
export async function runRuns(
  settings: RunnerSettings,
  query: RunsQuery,
): Promise<{ runs: RunRecord[] }> {
  const runner = await openRunnerIfData(settings, { jobs: false });
  if (!runner) return { runs: [] };
  try {
    const runs = await runner.store.listRuns({
      job: query.job,
      status: query.status as RunStatus | undefined,
      search: query.search,
      limit: query.limit,
    });
    return { runs };
  } finally {
    await runner.close();
  }
}

/** What `cancel` did. */
export interface CancelReport {
  result: { id: number; status: string };
  /** The run had finished already: nothing was asked. */
  alreadyFinished: boolean;
}

/** `cancel`: ask a queued or running run to stop. */
export async function runCancel(
  settings: RunnerSettings,
  id: number,
  now: Date,
): Promise<CancelReport> {
  const runner = await openRunnerIfData(settings, { jobs: false });
  try {
    const before = await requireRun(runner, id);
    if (isFinished(before.status))
      return { result: { id: before.id, status: before.status }, alreadyFinished: true };
    const run = (await runner!.store.requestCancel(before.id, now))!;
    return { result: { id: run.id, status: run.status }, alreadyFinished: false };
  } finally {
    await runner?.close();
  }
}

/** What `prune --json` returns. */
export interface PruneResult {
  deleted: number;
  /** Runs it would delete (--dry-run) or deleted, per job. */
  byJob: Record<string, number>;
  dryRun: boolean;
  cutoff?: string;
  keep?: number;
}

/** What `prune` did: nothing to delete, a dry run, kept on the user's "no", or deleted. */
export interface PruneReport {
  result: PruneResult;
  outcome: 'none' | 'dryRun' | 'kept' | 'deleted';
  /** Runs found. */
  found: number;
}

/** Options of {@link runPrune}. */
export interface PruneIO {
  /** A terminal can be asked (else --yes is needed). */
  interactive: boolean;
  /** Ask whether to delete `count` runs; true to go ahead. */
  confirm(count: number, byJob: Record<string, number>): Promise<boolean>;
}

function pruneResult(
  criteria: PruneCriteria,
  dryRun: boolean,
  deleted: number,
  byJob: Record<string, number>,
): PruneResult {
  return {
    deleted,
    byJob,
    dryRun,
    cutoff: criteria.cutoff?.toISOString(),
    keep: criteria.keepRuns,
  };
}

/** `prune`: delete finished runs and their logs (count only with --dry-run). */
export async function runPrune(settings: PruneSettings, io: PruneIO): Promise<PruneReport> {
  const { criteria, dryRun, yes } = settings;
  // A script that forgot --yes deletes nothing; a terminal is asked below.
  if (!dryRun && !yes && !io.interactive) throw noTtyError('--yes');
  const report = (
    outcome: PruneReport['outcome'],
    found: number,
    deleted: number,
    byJob: Record<string, number>,
  ): PruneReport => ({ result: pruneResult(criteria, dryRun, deleted, byJob), outcome, found });
  const runner = await openRunnerIfData(settings.runner, { jobs: false });
  if (!runner) return report('none', 0, 0, {});
  try {
    const found = await countPrunableRuns(runner.store.db, criteria);
    if (found.total === 0) return report('none', 0, 0, {});
    if (dryRun) return report('dryRun', found.total, 0, found.byJob);
    if (!yes && !(await io.confirm(found.total, found.byJob)))
      return report('kept', found.total, 0, {});
    const deleted = await pruneRuns(runner.store.db, criteria);
    return report('deleted', found.total, deleted, found.byJob);
  } finally {
    await runner.close();
  }
}
