import type { HistoryRow, LogRow } from '@toolbelt/connector';
import type { Deps } from './build-deps.js';
import { messages } from './i18n/index.js';
import type { HistorySettings } from './settings.js';

/** The runs asked for, and the log rows of one run with `--history`. */
export interface HistoryResult {
  history: HistoryRow[];
  logs?: LogRow[];
}

/**
 * The history rows of one job or of all (newest first), or one run with its log rows. An id
 * that names nothing is CONFIG (78); without a database there is nothing, and nothing is
 * created to show it.
 */
export async function runHistory(deps: Deps, settings: HistorySettings): Promise<HistoryResult> {
  const { jobId, historyId, limit } = settings;
  const jobs = (await deps.hasData()) ? await deps.jobs() : undefined;
  if (jobId !== undefined && !(await jobs?.getJob(jobId)))
    throw messages.error('CONFIG', 'errors.jobNotFound', { id: jobId });
  if (historyId === undefined)
    return { history: (await jobs?.listHistory({ jobId, limit })) ?? [] };
  const row = await jobs?.getHistory(historyId);
  if (!jobs || !row) throw messages.error('CONFIG', 'errors.historyNotFound', { id: historyId });
  const logs = await jobs.listLogs({ historyId, limit: limit * 50 });
  return { history: [row], logs };
}
