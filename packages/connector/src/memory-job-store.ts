import type { HistoryRow, JobDetails, JobStore, LogRow } from './job.js';

/**
 * A job store in memory, for connector unit tests (a scaffolded connector's test uses it).
 * `now` stamps history and log rows (default the clock).
 */
export function createMemoryJobStore(
  now: () => Date = () => new Date(),
): JobStore & { readonly logs: readonly LogRow[] } {
  const jobs: JobDetails[] = [];
  const history: HistoryRow[] = [];
  const owners = new Map<number, string | null>();
  const logs: LogRow[] = [];
  return {
    logs,
    // Plain functions that resolve at once: the port is async, the memory is not.
    addJob(job) {
      const id = jobs.length + 1;
      jobs.push(structuredClone({ ...job, id }));
      return Promise.resolve(id);
    },
    getJob(id) {
      const job = jobs.find((j) => j.id === id);
      return Promise.resolve(job ? structuredClone(job) : undefined);
    },
    updateJob(id, job) {
      const index = jobs.findIndex((j) => j.id === id);
      if (index < 0) return Promise.resolve(false);
      jobs[index] = structuredClone({ ...job, id });
      return Promise.resolve(true);
    },
    removeJob(id) {
      const index = jobs.findIndex((j) => j.id === id);
      if (index < 0) return Promise.resolve(false);
      jobs.splice(index, 1);
      for (let i = history.length - 1; i >= 0; i--)
        if (history[i]?.jobId === id) history.splice(i, 1);
      for (let i = logs.length - 1; i >= 0; i--) if (logs[i]?.jobId === id) logs.splice(i, 1);
      return Promise.resolve(true);
    },
    listJobs() {
      const list = jobs.map((j) => ({
        id: j.id,
        name: j.name,
        source: j.source.connector,
        sourceObject: j.source.object,
        destination: j.destination.connector,
        destinationObject: j.destination.object,
        updateMethod: j.updateMethod,
      }));
      return Promise.resolve(list);
    },
    createHistory(jobId, owner) {
      const id = history.length + 1;
      history.push({ id, jobId, status: 1, rowCount: 0, startedAt: now(), finishedAt: null });
      owners.set(id, owner ?? null);
      return Promise.resolve(id);
    },
    getHistory(id) {
      const row = history.find((h) => h.id === id);
      return Promise.resolve(row ? { ...row } : undefined);
    },
    updateHistory(id, update) {
      const row = history.find((h) => h.id === id);
      if (row) {
        row.status = update.status;
        if (update.rowCount !== undefined) row.rowCount = update.rowCount;
        if (update.owner !== undefined) owners.set(id, update.owner);
        row.finishedAt = update.status === 1 ? null : now();
      }
      return Promise.resolve();
    },
    failInterruptedHistories(jobId, isGone) {
      const failed: number[] = [];
      for (const row of history) {
        const owner = owners.get(row.id);
        if (row.jobId !== jobId || row.status !== 1 || !owner || !isGone(owner)) continue;
        row.status = 3;
        row.finishedAt = now();
        failed.push(row.id);
      }
      return Promise.resolve(failed);
    },
    listHistory(filter = {}) {
      const rows = history
        .filter((h) => filter.jobId === undefined || h.jobId === filter.jobId)
        .reverse()
        .slice(0, filter.limit ?? 50)
        .map((h) => ({ ...h }));
      return Promise.resolve(rows);
    },
    insertLog(row) {
      logs.push({ ...row, loggedAt: now() });
      return Promise.resolve();
    },
    listLogs(filter = {}) {
      const rows = logs
        .filter(
          (l) =>
            (filter.jobId === undefined || l.jobId === filter.jobId) &&
            (filter.historyId === undefined || l.historyId === filter.historyId),
        )
        .slice(0, filter.limit ?? 1000);
      return Promise.resolve(rows);
    },
  };
}
