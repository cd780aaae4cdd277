/**
 * The one place that names and builds the job runner's adapters: the database and run store,
 * the job library, executioner processes, the queue and its workers, schedule files, the
 * retention loop and the web server. Adapters are imported lazily, so `--help` and commands
 * that only read load none of the heavy ones.
 */
import type { ChildProcess } from 'node:child_process';
import { hostname, userInfo } from 'node:os';
import type { Database, EmbeddedDatabase, LockHolder, Queryable } from '@toolbelt/db';
import type { JobDefinition, JobField } from './core/job-metadata.js';
import type { PruneCriteria, Retention } from './core/retention.js';
import { toPruneCriteria } from './core/retention.js';
import type { JobLibrary } from './adapters/job-library.js';
import type { ExecutionerTarget } from './adapters/launcher.js';
import type { RunPayload, RunQueue, RunWorker } from './adapters/run-queue.js';
import type { RunRecord, RunStore } from './adapters/run-store.js';
import type { LoadedSchedule } from './adapters/schedules-file.js';
import { messages } from './i18n/index.js';
import type { RunnerSettings } from './settings.js';
import type { WebDeps, WebServer, WebServerOptions } from './web/server.js';

/** Settings of the runner as tests and commands give them (see `readRunnerSettings`). */
export type RunnerConfig = RunnerSettings;

/** The open database, the run store, the job library and how runs get executed. */
export interface Runner {
  readonly mode: 'postgres' | 'pglite';
  /**
   * `owner`: this process has the database (PostgreSQL, or the embedded folder, whose runs it
   * executes); `client`: a running `serve`/`run` owns the embedded folder and this process
   * goes through it (runs start and execute there).
   */
  readonly role: 'owner' | 'client';
  readonly db: Database;
  readonly store: RunStore;
  readonly library: JobLibrary;
  readonly config: RunnerConfig;
  /** Where executioner processes connect (PostgreSQL only). */
  target(): Promise<ExecutionerTarget>;
  /** The queue (PostgreSQL only). */
  queue(): Promise<RunQueue>;
  /** Start an executioner process for a stored run (PostgreSQL); it does not wait for it. */
  startExecutioner(
    runId: number,
    secrets: Readonly<Record<string, string>>,
    stderr: 'inherit' | 'ignore',
  ): Promise<ChildProcess>;
  /** Execute a stored run in this process (embedded owner); settles when it is recorded. */
  executeHere(runId: number, secrets: Readonly<Record<string, string>>): Promise<unknown>;
  /** Seal secret parameters with JOB_RUNNER_SECRET_KEY for the queue. */
  sealSecrets(secrets: Readonly<Record<string, string>>, key: string): Promise<string>;
  /** Ask the owner of the embedded folder to start a run (a client). */
  callOwner(request: unknown): Promise<RunRecord>;
  /** Runs executing in this process (embedded owner): run id -> settles when finished. */
  readonly active: ReadonlyMap<number, Promise<unknown>>;
  /** Ask every run executing in this process to stop, and wait until each is recorded. */
  cancelActive(): Promise<void>;
  /** Waits for the runs executing here (and, embedded, for the processes going through us). */
  close(): Promise<void>;
}

/** Options of {@link openRunner}. */
export interface OpenRunnerOptions {
  /** Who opens the embedded folder (shown to a process that has to wait), e.g. `job-runner serve`. */
  command?: string;
  /** Scan the job library (default true); commands that only read stored runs skip it. */
  jobs?: boolean;
  /** Called once when another process holds the embedded folder without serving it yet. */
  onWait?: (holder: LockHolder) => void;
}

/** Why runs left `queued`/`running` in an embedded folder are failed when its owner opens it. */
export const interruptedReason = 'interrupted: the job-runner process running it stopped';

/** Whether a process of this machine is alive (EPERM: it is, but another user's). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The job library of the settings' folders (and the installed Toolbelt CLIs). */
export async function readJobLibrary(config: RunnerConfig): Promise<JobLibrary> {
  const { discoverJobs } = await import('./adapters/job-library.js');
  return discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt });
}

/** The job of the library with this name. */
export async function findLibraryJob(
  library: JobLibrary,
  name: string,
): Promise<JobDefinition | undefined> {
  const { findJob } = await import('./adapters/job-library.js');
  return findJob(library, name);
}

/** The job folders that do not exist (a mistyped --jobs-dir would just show fewer jobs). */
export async function missingFolders(dirs: readonly string[]): Promise<string[]> {
  const { existsSync } = await import('node:fs');
  return dirs.filter((dir) => !existsSync(dir));
}

/** The schedules of the job folders (`schedules.json`), and what is wrong with them. */
export async function readScheduleFiles(
  dirs: readonly string[],
): Promise<{ schedules: LoadedSchedule[]; problems: string[] }> {
  const { readSchedules } = await import('./adapters/schedules-file.js');
  return readSchedules(dirs);
}

/**
 * Open the database, migrate it, and scan the job library. Embedded: one owner per data
 * folder; a second process (the CLI while `serve` runs) becomes a client of the owner.
 */
export async function openRunner(
  config: RunnerConfig,
  options: OpenRunnerOptions = {},
): Promise<Runner> {
  const { createRunStore, prepareRunStore } = await import('./adapters/run-store.js');
  const { discoverJobs, findJob } = await import('./adapters/job-library.js');
  let db: Database;
  let role: 'owner' | 'client' = 'owner';
  let embedded: EmbeddedDatabase | undefined;
  if (config.databaseUrl) {
    const { openDatabase } = await import('@toolbelt/db');
    db = await openDatabase({ url: config.databaseUrl });
  } else {
    const { openEmbeddedDatabase } = await import('@toolbelt/db');
    embedded = await openEmbeddedDatabase(config.dataDir, {
      share: true,
      command: options.command ?? 'job-runner',
      onWait: options.onWait,
    });
    db = embedded;
    role = embedded.role;
  }
  let store: RunStore;
  try {
    store = role === 'owner' ? await prepareRunStore(db) : createRunStore(db);
    // Every run of an embedded folder executes in its owner: what is left unfinished when a
    // new owner opens it was cut short by a crash or a kill.
    if (embedded && role === 'owner') await store.failUnfinished(new Date(), interruptedReason);
    // PostgreSQL: a run whose executioner on this machine is gone was cut short too.
    if (!embedded)
      await store.failDeadExecutors(new Date(), interruptedReason, hostname(), pidAlive);
  } catch (error) {
    await db.close();
    throw error;
  }
  const library =
    options.jobs === false
      ? { jobs: [], problems: [] }
      : await discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt });
  let target: Promise<ExecutionerTarget> | undefined;
  let queue: Promise<RunQueue> | undefined;
  const active = new Map<number, Promise<unknown>>();
  const runner: Runner = {
    mode: db.kind,
    role,
    db,
    store,
    library,
    config,
    active,
    target: () =>
      (target ??= db.connectionString().then((databaseUrl) => ({
        databaseUrl,
        copyLines: db.kind === 'postgres',
        jobsDirs: config.jobsDirs,
        toolbelt: config.toolbelt,
        env: config.env,
      }))),
    queue: () => {
      if (db.kind !== 'postgres') throw messages.error('USAGE', 'errors.queueNeedsPostgres');
      return (queue ??= import('./adapters/run-queue.js').then(async ({ createRunQueue }) =>
        createRunQueue(await db.connectionString()),
      ));
    },
    async startExecutioner(runId, secrets, stderr) {
      const { spawnExecutioner } = await import('./adapters/launcher.js');
      return spawnExecutioner(await runner.target(), runId, secrets, { stderr });
    },
    executeHere(runId, secrets) {
      const done = (async () => {
        const { executeRun, recordExecutionerError } = await import('./adapters/executioner.js');
        await executeRun({
          store,
          runId,
          secrets,
          findJob: (name) => findJob(library, name),
          env: config.env,
        }).catch((error: unknown) => recordExecutionerError(store, runId, error));
      })().finally(() => active.delete(runId));
      active.set(runId, done);
      return done;
    },
    async sealSecrets(secrets, key) {
      const { sealSecrets } = await import('./adapters/secret-box.js');
      return sealSecrets(secrets, key);
    },
    async callOwner(request) {
      return (await (db as EmbeddedDatabase).call('startRun', request)) as RunRecord;
    },
    async cancelActive() {
      const now = new Date();
      await Promise.all([...active.keys()].map((id) => store.requestCancel(id, now)));
      await Promise.all([...active.values()].map((done) => done.catch(() => undefined)));
    },
    async close() {
      await Promise.all([...active.values()].map((done) => done.catch(() => undefined)));
      if (queue) await (await queue).close();
      await db.close();
    },
  };
  // Clients (the CLI in another shell) start their runs here, where they execute.
  embedded?.handle('startRun', async (payload) => {
    if (options.jobs === false && library.jobs.length === 0) {
      // Opened for reading only; a client asks to run a job all the same: scan now.
      const found = await discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt });
      library.jobs.push(...found.jobs);
      library.problems.push(...found.problems);
    }
    const { startOwnersRun } = await import('./run-jobs.js');
    return startOwnersRun(runner, payload);
  });
  return runner;
}

/**
 * For commands that only read or change existing runs: undefined when the embedded data
 * folder holds no database yet (nothing is created, no database is started).
 */
export async function openRunnerIfData(
  config: RunnerConfig,
  options: OpenRunnerOptions = {},
): Promise<Runner | undefined> {
  if (!config.databaseUrl) {
    const { embeddedDatabaseExists } = await import('@toolbelt/db');
    if (!(await embeddedDatabaseExists(config.dataDir))) return undefined;
  }
  return openRunner(config, options);
}

/** Who starts a run from this shell: the login name of this user. */
export function whoAmI(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

/** Resolves with an executioner's exit code. */
export async function waitForExecutioner(child: ChildProcess): Promise<number> {
  const { waitForExit } = await import('./adapters/launcher.js');
  return waitForExit(child);
}

/** How many finished runs `criteria` selects, per job. */
export async function countPrunableRuns(
  db: Queryable,
  criteria: PruneCriteria,
): Promise<{ total: number; byJob: Record<string, number> }> {
  const { countPrunable } = await import('./adapters/run-retention.js');
  return countPrunable(db, criteria);
}

/** Delete the finished runs `criteria` selects; resolves with how many. */
export async function pruneRuns(db: Queryable, criteria: PruneCriteria): Promise<number> {
  const { pruneFinishedRuns } = await import('./adapters/run-retention.js');
  return pruneFinishedRuns(db, criteria);
}

/** The last run of each schedule. */
export async function readLastScheduledRuns(store: RunStore): Promise<Map<string, RunRecord>> {
  const summaries = await import('./adapters/run-summaries.js');
  return summaries.readLastScheduledRuns(store);
}

/**
 * Apply a retention now and hourly until stopped (`serve`, `worker`); a no-op without one.
 * `report` is told how many runs each pass deleted, or why it failed.
 */
export async function startRetentionLoop(
  db: Queryable,
  retention: Retention | undefined,
  options: { now: () => Date; report: (deleted: number | Error) => void },
): Promise<() => Promise<void>> {
  if (!retention) return async () => {};
  const { startRetention } = await import('./adapters/run-retention.js');
  return startRetention(db, {
    criteriaAt: (now) => toPruneCriteria(retention, now),
    now: options.now,
    report: options.report,
  });
}

/** The embedded database's minute scheduler, on real time. */
export async function startScheduler(
  schedules: readonly LoadedSchedule[],
  fire: (schedule: LoadedSchedule) => Promise<void>,
  report: (schedule: LoadedSchedule, error: unknown) => void,
): Promise<{ stop(): Promise<void> }> {
  const { startMinuteScheduler, waitReal } = await import('./adapters/minute-scheduler.js');
  return startMinuteScheduler({ schedules, now: () => new Date(), wait: waitReal, fire, report });
}

/** Start the web UI. */
export async function startWeb(deps: WebDeps, options: WebServerOptions): Promise<WebServer> {
  const { startWebServer } = await import('./web/server.js');
  return startWebServer(deps, options);
}

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  runner: Runner;
  connectionString: string;
  concurrency: number;
  secretKey: string | undefined;
  schedules: readonly LoadedSchedule[];
  /** A schedule's tick (one worker gets each). */
  tick: (schedule: LoadedSchedule) => Promise<void>;
  log: (level: string, message: string) => void;
}

/**
 * Take queued runs from PostgreSQL and execute each in an executioner process, and run the
 * schedules with graphile-worker's cron (each tick once across all workers).
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunWorker> {
  const { startRunWorker } = await import('./adapters/run-queue.js');
  const { spawnExecutioner, waitForExit } = await import('./adapters/launcher.js');
  const { openSecrets } = await import('./adapters/secret-box.js');
  const { scheduleTask } = await import('./adapters/schedules-file.js');
  const target = await options.runner.target();
  const { secretKey, schedules } = options;
  return startRunWorker({
    cron: {
      items: schedules.map((s) => s.item),
      task: scheduleTask,
      tick: async (payload) => {
        const id = (payload as { schedule?: string }).schedule;
        const schedule = schedules.find((s) => s.id === id);
        if (schedule) await options.tick(schedule);
      },
    },
    connectionString: options.connectionString,
    concurrency: options.concurrency,
    log: options.log,
    execute: async (payload: RunPayload) => {
      const secrets =
        payload.sealedSecrets && secretKey ? openSecrets(payload.sealedSecrets, secretKey) : {};
      await waitForExit(spawnExecutioner(target, payload.runId, secrets, { stderr: 'inherit' }));
    },
  });
}

/** How `run` and `rerun` reach the person at this terminal. */
export function terminalIO(): {
  interactive: boolean;
  ask: typeof askFields;
  startedBy: string;
} {
  return { interactive: process.stdin.isTTY === true, ask: askFields, startedBy: whoAmI() };
}

/** Ask for missing required fields on the terminal, one by one (a USAGE error without one). */
export async function askFields(fields: readonly JobField[]): Promise<Record<string, string>> {
  const { promptConfirm, promptSecret, promptSelect, promptText } =
    await import('@toolbelt/cli-kit');
  const values: Record<string, string> = {};
  for (const field of fields) {
    const flag = `--set ${field.name}=...`;
    const message = field.label;
    if (field.secret) values[field.name] = await promptSecret({ message, flag });
    else if (field.type === 'boolean')
      values[field.name] = String(await promptConfirm({ message, flag }));
    else if (field.options)
      values[field.name] = await promptSelect({
        message,
        flag,
        choices: field.options.map((value) => ({ value })),
      });
    else values[field.name] = await promptText({ message, flag, required: true });
  }
  return values;
}
