import type { ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import type { Database, EmbeddedDatabase, LockHolder } from '@toolbelt/db';
import { ToolbeltError } from '@toolbelt/errors';
import type { JobDefinition } from './core/job-metadata.js';
import {
  maskParams,
  secretParams,
  validateParams,
  type ParamValues,
  type ParamProblem,
} from './core/job-params.js';
import { isFinished } from './core/run-status.js';
import { englishT, wordParamProblems } from './i18n/param-problems.js';
import { discoverJobs, findJob, type JobLibrary } from './adapters/job-library.js';
import { spawnExecutioner, type ExecutionerTarget } from './adapters/launcher.js';
import type { RunQueue } from './adapters/run-queue.js';
import type { LogLine, RunRecord, RunStore } from './adapters/run-store.js';

/** Settings of the job runner, parsed once at the edge. */
export interface RunnerConfig {
  /** PostgreSQL (`DATABASE_URL`); without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jobsDirs: string[];
  /** List the other Toolbelt CLIs as jobs. */
  toolbelt: boolean;
  /** `JOB_RUNNER_SECRET_KEY`: seals secret parameters of queued runs. */
  secretKey?: string;
  /** Environment handed to executioners. */
  env?: NodeJS.ProcessEnv;
}

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

/**
 * Open the database, migrate it, and scan the job library. Embedded: one owner per data
 * folder; a second process (the CLI while `serve` runs) becomes a client of the owner.
 */
export async function openRunner(
  config: RunnerConfig,
  options: OpenRunnerOptions = {},
): Promise<Runner> {
  const { createRunStore, prepareRunStore } = await import('./adapters/run-store.js');
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
      ...(options.onWait ? { onWait: options.onWait } : {}),
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
        ...(config.env ? { env: config.env } : {}),
      }))),
    queue: () => {
      if (db.kind !== 'postgres')
        throw new ToolbeltError('USAGE', 'The run queue needs PostgreSQL (DATABASE_URL)', {
          key: 'job-runner:errors.queueNeedsPostgres',
        });
      return (queue ??= import('./adapters/run-queue.js').then(async ({ createRunQueue }) =>
        createRunQueue(await db.connectionString()),
      ));
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
    const started = await startRun(runner, { ...(payload as RemoteRunRequest), launch: 'spawn' });
    return started.run;
  });
  return runner;
}

/** Whether a process of this machine is alive (EPERM: it is, but another user's). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a client sends its owner to start a run there. */
type RemoteRunRequest = Omit<RunRequest, 'launch' | 'stderr'>;

/** A request to run a job. */
export interface RunRequest {
  job: string;
  /** Raw text values (from `--set`, a form, prompts). */
  input: Record<string, string | undefined>;
  startedBy: string;
  /** `queue`: hand to the workers (PostgreSQL); `spawn`: start an executioner here. */
  launch: 'queue' | 'spawn';
  timeoutSeconds?: number;
  rerunOf?: number;
  /** Where the executioner's own errors go. */
  stderr?: 'inherit' | 'ignore';
}

/** The run created, and how it executes when it was started from this process. */
export interface StartedRun {
  run: RunRecord;
  /** Its executioner process (PostgreSQL). */
  executioner?: ChildProcess;
  /** Settles when the run is recorded as finished (embedded owner: it executes in this process). */
  done?: Promise<unknown>;
}

/** Parameter problems as a USAGE error that lists each one (the shell words them). */
export function paramsError(
  job: string,
  problems: readonly ParamProblem[],
  missing: readonly string[],
): ToolbeltError {
  const lines = wordParamProblems(problems, missing, englishT);
  // The problems as data too: the command words them again in the user's language.
  return new ToolbeltError('USAGE', `Invalid parameters for ${job}: ${lines.join('; ')}`, {
    key: 'job-runner:errors.params',
    params: { job, problems: lines.join('; '), paramProblems: problems, missing },
    problems: lines,
  });
}

/** The job or a USAGE error naming it. */
export function requireJob(runner: Runner, name: string): JobDefinition {
  const job = findJob(runner.library, name);
  if (!job)
    throw new ToolbeltError('USAGE', `No job named "${name}" (see job-runner list)`, {
      key: 'job-runner:errors.noJob',
      params: { job: name },
    });
  return job;
}

/**
 * Validate the parameters, store the run (secrets masked) and start it: into the queue, or
 * an executioner process right here. Does not wait for the run.
 */
export async function startRun(runner: Runner, request: RunRequest): Promise<StartedRun> {
  const job = requireJob(runner, request.job);
  if (runner.role === 'client' && request.launch === 'spawn') {
    // The owner validates again against its own library, stores the run and executes it.
    const remote: RemoteRunRequest = {
      job: request.job,
      input: request.input,
      startedBy: request.startedBy,
      ...(request.timeoutSeconds !== undefined ? { timeoutSeconds: request.timeoutSeconds } : {}),
      ...(request.rerunOf !== undefined ? { rerunOf: request.rerunOf } : {}),
    };
    const run = (await (runner.db as EmbeddedDatabase).call('startRun', remote)) as RunRecord;
    return { run };
  }
  const check = validateParams(job.fields, request.input);
  if (check.problems.length > 0 || check.missing.length > 0)
    throw paramsError(
      job.name,
      check.problems,
      check.missing.map((f) => f.name),
    );
  const secrets = secretParams(job.fields, check.values);
  let sealed: string | undefined;
  if (request.launch === 'queue') {
    if (runner.mode !== 'postgres') {
      throw new ToolbeltError(
        'USAGE',
        'Queued runs need PostgreSQL (DATABASE_URL); with the embedded database the run lives in this process',
        {
          key: 'job-runner:errors.detachNeedsPostgres',
        },
      );
    }
    if (Object.keys(secrets).length > 0) {
      if (!runner.config.secretKey) {
        throw new ToolbeltError(
          'CONFIG',
          'Set JOB_RUNNER_SECRET_KEY (shared by serve and the workers) to queue runs with secret parameters',
          {
            key: 'job-runner:errors.needSecretKey',
          },
        );
      }
      const { sealSecrets } = await import('./adapters/secret-box.js');
      sealed = sealSecrets(secrets, runner.config.secretKey);
    }
  }
  const run = await runner.store.createRun({
    job: job.name,
    params: maskParams(job.fields, check.values),
    startedBy: request.startedBy,
    timeoutSeconds: request.timeoutSeconds ?? job.timeoutSeconds ?? null,
    rerunOf: request.rerunOf ?? null,
  });
  if (request.launch === 'queue') {
    await (
      await runner.queue()
    ).enqueue(
      { runId: run.id, ...(sealed ? { sealedSecrets: sealed } : {}) },
      job.concurrency === 1 ? { serialKey: `job:${job.name}` } : {},
    );
    return { run };
  }
  if (runner.mode === 'pglite') {
    if (job.concurrency !== 1) return { run, done: executeHere(runner, run.id, secrets) };
    // One at a time: this run stays queued until the job's previous run has finished.
    const chains = (serialRuns.get(runner) ?? new Map<string, Promise<unknown>>()).set(
      job.name,
      (serialRuns.get(runner)?.get(job.name) ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => executeHere(runner, run.id, secrets)),
    );
    serialRuns.set(runner, chains);
    return { run, done: chains.get(job.name)! };
  }
  const executioner = spawnExecutioner(await runner.target(), run.id, secrets, {
    stderr: request.stderr ?? 'ignore',
  });
  return { run, executioner };
}

/** Per runner, the last run of each `concurrency: 1` job executing here (embedded owner). */
const serialRuns = new WeakMap<Runner, Map<string, Promise<unknown>>>();

/**
 * Execute a run of the embedded database in this process (its owner): the job is a child
 * process, its lines go through this process's single database session, in order.
 */
function executeHere(
  runner: Runner,
  runId: number,
  secrets: Readonly<Record<string, string>>,
): Promise<unknown> {
  const active = runner.active as Map<number, Promise<unknown>>;
  const done = (async () => {
    const { executeRun } = await import('./adapters/executioner.js');
    try {
      await executeRun({
        store: runner.store,
        runId,
        secrets,
        findJob: (name) => findJob(runner.library, name),
        ...(runner.config.env ? { env: runner.config.env } : {}),
      });
    } catch (error) {
      // Whatever broke, the run must not stay "running".
      await runner.store
        .finishRun(
          runId,
          {
            status: 'failed',
            exitCode: null,
            reason: `executioner error: ${(error as Error).message}`,
          },
          new Date(),
        )
        .catch(() => {});
    }
  })().finally(() => active.delete(runId));
  active.set(runId, done);
  return done;
}

/** The raw input to run a stored run's job again (secret fields left out: they were never stored). */
export function rerunInput(run: RunRecord, job: JobDefinition): Record<string, string> {
  const secret = new Set(job.fields.filter((f) => f.secret).map((f) => f.name));
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(run.params as ParamValues))
    if (!secret.has(key)) input[key] = String(value);
  return input;
}

/**
 * Print a run's stored lines, then new ones as they are stored, until it finishes.
 * Resolves with the finished run.
 */
export async function followRun(
  store: RunStore,
  runId: number,
  onLines: (lines: LogLine[]) => void,
  options: {
    afterSeq?: number;
    pollMs?: number;
    follow?: boolean;
    signal?: AbortSignal;
    /** Settles when the run has finished (it executes in this process): look at once. */
    finished?: Promise<unknown>;
  } = {},
): Promise<RunRecord> {
  let after = options.afterSeq ?? 0;
  for (;;) {
    const run = await store.getRun(runId);
    if (!run)
      throw new ToolbeltError('USAGE', `No run ${runId}`, {
        key: 'job-runner:errors.noRun',
        params: { run: runId },
      });
    // Drain everything stored so far, in pages.
    for (;;) {
      const lines = await store.readLines(runId, after, 5000);
      if (lines.length === 0) break;
      after = lines[lines.length - 1]!.seq;
      onLines(lines);
    }
    if (isFinished(run.status) || options.follow === false || options.signal?.aborted) {
      // The status was read before the last drain, so every line of a finished run is out.
      return run;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise((r) => (timer = setTimeout(r, options.pollMs ?? 200))),
      ...(options.finished ? [options.finished.catch(() => undefined)] : []),
    ]);
    clearTimeout(timer);
  }
}
