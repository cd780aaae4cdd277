import { nextMinute, toMinuteDigest, type MinuteDigest } from '../core/schedules.js';

/** What the minute scheduler needs of a schedule. */
export interface TickingSchedule {
  id: string;
  matches(digest: MinuteDigest): boolean;
}

/** Options of {@link startMinuteScheduler}; the clock and the wait are injectable for tests. */
export interface MinuteSchedulerOptions<S extends TickingSchedule> {
  schedules: readonly S[];
  now(): Date;
  /** Resolve after `ms` milliseconds, or at once when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  /** Start the schedule's run for the minute `at`. */
  fire(schedule: S, at: Date): Promise<void>;
  /** A tick that could not start its run (the scheduler goes on). */
  report(schedule: S, error: unknown): void;
}

/** Real time: a timer that does not keep the process alive. */
export function waitReal(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    timer.unref();
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * The embedded database's scheduler (`serve` runs it; on PostgreSQL graphile-worker's cron
 * does this job): at the start of every minute, each schedule whose cron matches fires once.
 * Minutes that passed while the process was busy or stopped are not made up for.
 */
export function startMinuteScheduler<S extends TickingSchedule>(
  options: MinuteSchedulerOptions<S>,
): { stop: () => Promise<void> } {
  const stopper = new AbortController();
  const loop = async (): Promise<void> => {
    let next = nextMinute(options.now());
    while (!stopper.signal.aborted) {
      await options.wait(next.getTime() - options.now().getTime(), stopper.signal);
      if (stopper.signal.aborted) break;
      if (options.now() < next) continue;
      const digest = toMinuteDigest(next);
      for (const schedule of options.schedules)
        if (schedule.matches(digest))
          await options
            .fire(schedule, next)
            .catch((error: unknown) => options.report(schedule, error));
      const now = options.now();
      next = nextMinute(now > next ? now : next);
    }
  };
  const done = options.schedules.length ? loop() : Promise.resolve();
  return {
    async stop() {
      stopper.abort();
      await done;
    },
  };
}
