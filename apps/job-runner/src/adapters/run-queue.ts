import type { ParsedCronItem, TaskList } from 'graphile-worker';

/**
 * Runs queued in PostgreSQL with graphile-worker (a well-kept queue: SKIP LOCKED, LISTEN/NOTIFY),
 * so that any number of `job-runner worker` processes on any machines execute them, each run
 * once. Loaded lazily: only PostgreSQL mode needs it.
 */
export const taskName = 'job_runner_execute';

/** What the queue carries for one run. */
export interface RunPayload {
  runId: number;
  /** Secret parameters sealed with JOB_RUNNER_SECRET_KEY (see secret-box). */
  sealedSecrets?: string;
}

/** Adds runs to the queue. */
export interface RunQueue {
  /**
   * `serialKey`: runs with the same key execute one at a time, in order (graphile-worker's
   * named queues), across all workers.
   */
  enqueue(payload: RunPayload, options?: { serialKey?: string }): Promise<void>;
  close(): Promise<void>;
}

/** A running worker pool. */
export interface RunWorker {
  /** Finish the runs in progress, take no more. */
  stop(): Promise<void>;
  /** Settles when the worker stops. */
  readonly done: Promise<void>;
}

type LogSink = (level: string, message: string) => void;

async function graphileLogger(log: LogSink) {
  const { Logger } = await import('graphile-worker');
  return new Logger(() => (level, message) => log(level, message));
}

/** A queue client on the PostgreSQL database at `connectionString`. */
export async function createRunQueue(
  connectionString: string,
  log: LogSink = () => {},
): Promise<RunQueue> {
  const { makeWorkerUtils } = await import('graphile-worker');
  const utils = await makeWorkerUtils({ connectionString, logger: await graphileLogger(log) });
  await utils.migrate();
  return {
    async enqueue(payload, options = {}) {
      // One attempt: a run that failed is a record to read, not something to repeat unasked.
      await utils.addJob(taskName, payload, {
        maxAttempts: 1,
        jobKey: `job-runner:run:${payload.runId}`,
        queueName: options.serialKey ? `job-runner:${options.serialKey}` : undefined,
      });
    },
    close: async () => {
      await utils.release();
    },
  };
}

/** Options of {@link startRunWorker}. */
export interface RunWorkerOptions {
  connectionString: string;
  concurrency: number;
  /** Execute one run; resolves when its executioner has finished. */
  execute(payload: RunPayload): Promise<void>;
  log?: LogSink;
  /**
   * Schedules: graphile-worker's own cron enqueues each tick once, however many workers run
   * (its known-crontabs lock), and `tick` handles it on one of them.
   */
  cron?: {
    items: ParsedCronItem[];
    task: string;
    tick(payload: unknown): Promise<void>;
  };
}

/** Take runs from the queue and execute them, `concurrency` at a time. */
export async function startRunWorker(options: RunWorkerOptions): Promise<RunWorker> {
  const { run } = await import('graphile-worker');
  const taskList: TaskList = {
    [taskName]: async (payload) => {
      await options.execute(payload as RunPayload);
    },
  };
  if (options.cron) taskList[options.cron.task] = (payload) => options.cron!.tick(payload);
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: await graphileLogger(options.log ?? (() => {})),
    parsedCronItems: options.cron?.items,
    taskList,
  });
  return { stop: () => runner.stop(), done: runner.promise };
}
