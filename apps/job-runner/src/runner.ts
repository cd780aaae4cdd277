import type { ChildProcess } from 'node:child_process';
import type { Database } from '@toolbelt/db';
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
  readonly db: Database;
  readonly store: RunStore;
  readonly library: JobLibrary;
  readonly config: RunnerConfig;
  /** Where executioner processes connect (PostgreSQL URL or the PGlite socket server). */
  target(): Promise<ExecutionerTarget>;
  /** The queue (PostgreSQL only). */
  queue(): Promise<RunQueue>;
  close(): Promise<void>;
}

/** Open the database (PostgreSQL or PGlite), migrate it, and scan the job library. */
export async function openRunner(config: RunnerConfig): Promise<Runner> {
  const { openDatabase } = await import('@toolbelt/db');
  const { prepareRunStore } = await import('./adapters/run-store.js');
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const store = await prepareRunStore(db);
  const library = await discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt });
  let target: Promise<ExecutionerTarget> | undefined;
  let queue: Promise<RunQueue> | undefined;
  return {
    mode: db.kind,
    db,
    store,
    library,
    config,
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
    async close() {
      if (queue) await (await queue).close();
      await db.close();
    },
  };
}

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

/** The run created, and its executioner process when it was started here. */
export interface StartedRun {
  run: RunRecord;
  executioner?: ChildProcess;
}

/** Parameter problems as a USAGE error that lists each one (the shell words them). */
export function paramsError(
  job: string,
  problems: readonly ParamProblem[],
  missing: readonly string[],
): ToolbeltError {
  const lines = [
    ...problems.map(
      (p) =>
        `${p.field}: ${p.code}${p.value === undefined ? '' : ` (${p.value})`}${p.options ? ` [${p.options.join(', ')}]` : ''}`,
    ),
    ...missing.map((name) => `${name}: required`),
  ];
  return new ToolbeltError('USAGE', `Invalid parameters for ${job}: ${lines.join('; ')}`, {
    key: 'job-runner:errors.params',
    params: { job, problems: lines.join('; ') },
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
    ).enqueue({ runId: run.id, ...(sealed ? { sealedSecrets: sealed } : {}) });
    return { run };
  }
  const executioner = spawnExecutioner(await runner.target(), run.id, secrets, {
    stderr: request.stderr ?? 'ignore',
  });
  return { run, executioner };
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
  options: { afterSeq?: number; pollMs?: number; follow?: boolean; signal?: AbortSignal } = {},
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
    await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
  }
}
