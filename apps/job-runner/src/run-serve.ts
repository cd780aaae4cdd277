/**
 * `serve`: the web UI over the runner, until SIGINT/SIGTERM. With PostgreSQL runs are queued
 * for the workers; with the embedded database this process executes them and runs the
 * schedules. Stopping cancels the runs executing here and waits until each is recorded.
 */
import type { Translate } from '@toolbelt/i18n';
import { nextFire } from './core/schedules.js';
import type { LoadedSchedule } from './adapters/schedules-file.js';
import {
  openRunner,
  readScheduleFiles,
  startRetentionLoop,
  startScheduler,
  startWeb,
  type OpenRunnerOptions,
  type Runner,
} from './build-deps.js';
import { startRun, startScheduledRun } from './run-jobs.js';
import type { ServeSettings } from './settings.js';

/** What `serve` tells its log as it goes. */
export interface ServeEvents {
  listening: (url: string) => void;
  stopped: () => void;
  /** A problem of a schedules file, or a schedule's tick that could not start its run. */
  warn: (message: string) => void;
  /** One pass of the retention: runs deleted, or why it failed. */
  retention: (deleted: number | Error) => void;
}

/** The embedded database's schedules run here (on PostgreSQL the workers' cron does). */
function startSchedules(
  runner: Runner,
  schedules: readonly LoadedSchedule[],
  events: ServeEvents,
): Promise<{ stop(): Promise<void> }> {
  if (runner.mode === 'postgres') return Promise.resolve({ stop: async () => {} });
  return startScheduler(
    schedules,
    async (schedule) => {
      await startScheduledRun(runner, schedule, 'spawn');
    },
    (schedule, error) =>
      events.warn(`schedule ${schedule.id}: ${(error as Error).message ?? String(error)}`),
  );
}

/** Serve until stopped; resolves with the address it served on. */
export async function runServe(
  settings: ServeSettings,
  ui: { t: Translate; lang: string; now: () => Date; open: OpenRunnerOptions },
  events: ServeEvents,
): Promise<{ url: string }> {
  // Listen for the stop signals first: a SIGTERM while serve is still starting (opening the
  // database, applying retention) lets it finish starting and then stop cleanly (exit 0).
  // (`on`, not `once`: a once-listener is gone by the time the lock package's own handler
  // counts listeners, and that handler would then end the process by the signal.)
  let requestStop = () => {};
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  process.on('SIGINT', requestStop);
  process.on('SIGTERM', requestStop);
  const runner = await openRunner(settings.runner, ui.open);
  const launch = runner.mode === 'postgres' ? 'queue' : 'spawn';
  try {
    const { schedules, problems } = await readScheduleFiles(runner.config.jobsDirs);
    for (const problem of problems) events.warn(problem);
    const stopRetention = await startRetentionLoop(runner.store.db, settings.retention, {
      now: ui.now,
      report: events.retention,
    });
    const web = await startWeb(
      {
        store: runner.store,
        jobs: () => runner.library.jobs,
        t: ui.t,
        lang: ui.lang,
        schedules: () =>
          schedules.map((s) => ({
            ...s,
            nextAfter: (now: Date) => nextFire((digest) => s.matches(digest), now),
          })),
        startRun: async (request) => {
          const started = await startRun(runner, { ...request, launch });
          started.executioner?.unref();
          return started.run.id;
        },
      },
      {
        host: settings.host,
        port: settings.port,
        allowedHosts: settings.allowedHosts,
        token: settings.token,
      },
    );
    const scheduler = await startSchedules(runner, schedules, events);
    events.listening(web.url);
    await stopRequested;
    process.removeListener('SIGINT', requestStop);
    process.removeListener('SIGTERM', requestStop);
    await scheduler.stop();
    await web.close();
    await stopRetention();
    // Runs executing here are stopped and recorded as cancelled before we exit.
    await runner.cancelActive();
    events.stopped();
    return { url: web.url };
  } finally {
    await runner.close();
  }
}
