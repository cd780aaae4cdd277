/**
 * `worker`: execute queued runs from PostgreSQL (any number of workers, on any machines) and
 * the schedules' ticks, until SIGINT/SIGTERM; then finish the runs in progress.
 */
import {
  openRunner,
  readScheduleFiles,
  startQueueWorker,
  startRetentionLoop,
  type OpenRunnerOptions,
} from './build-deps.js';
import { startScheduledRun } from './run-jobs.js';
import type { WorkerSettings } from './settings.js';

/** What `worker` tells its log as it goes. */
export interface WorkerEvents {
  started: (concurrency: number) => void;
  stopped: () => void;
  warn: (message: string) => void;
  debug: (message: string) => void;
  retention: (deleted: number | Error) => void;
}

export async function runWorker(
  settings: WorkerSettings,
  options: { now: () => Date; open: OpenRunnerOptions },
  events: WorkerEvents,
): Promise<{ stopped: boolean }> {
  const runner = await openRunner(settings.runner, options.open);
  try {
    const { schedules, problems } = await readScheduleFiles(settings.runner.jobsDirs);
    for (const problem of problems) events.warn(problem);
    const worker = await startQueueWorker({
      runner,
      connectionString: settings.runner.databaseUrl,
      concurrency: settings.concurrency,
      secretKey: settings.runner.secretKey,
      schedules,
      // One worker gets each tick: it queues the run, which any worker then executes.
      tick: async (schedule) => {
        await startScheduledRun(runner, schedule, 'queue');
      },
      log: (level, message) => events.debug(`graphile-worker ${level}: ${message}`),
    });
    const stopRetention = await startRetentionLoop(runner.store.db, settings.retention, {
      now: options.now,
      report: events.retention,
    });
    events.started(settings.concurrency);
    const stop = () => void worker.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await worker.done;
    await stopRetention();
    events.stopped();
    return { stopped: true };
  } finally {
    await runner.close();
  }
}
