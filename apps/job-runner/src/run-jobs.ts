/**
 * Starting and following runs (`run`, `rerun`, `logs`, the web UI, the schedules): validate
 * the parameters, store the run with its secrets masked, hand it to the queue or an
 * executioner, and follow its log until it is recorded. Returns data; the shell words it.
 */
import type { ChildProcess } from 'node:child_process';
import { cancelledError } from '@toolbelt/cli-kit';
import type { Texts, ToolbeltError } from '@toolbelt/errors';
import type { JobDefinition, JobField } from './core/job-metadata.js';
import {
  maskParams,
  paramProblemMessage,
  secretParams,
  validateParams,
  type ParamProblem,
} from './core/job-params.js';
import { isFinished, runExitCode, type RunExitCode } from './core/run-status.js';
import type { LogLine, RunRecord, RunStore } from './adapters/run-store.js';
import type { LoadedSchedule } from './adapters/schedules-file.js';
import {
  openRunner,
  openRunnerIfData,
  waitForExecutioner,
  type OpenRunnerOptions,
  type Runner,
} from './build-deps.js';
import { messages } from './i18n/index.js';
import type { RunnerSettings, RunSettings } from './settings.js';

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

/** What a client sends its owner to start a run there. */
type RemoteRunRequest = Omit<RunRequest, 'launch' | 'stderr'>;

/** The run created, and how it executes when it was started from this process. */
export interface StartedRun {
  run: RunRecord;
  /** Its executioner process (PostgreSQL). */
  executioner?: ChildProcess;
  /** Settles when the run is recorded as finished (embedded owner: it executes in this process). */
  done?: Promise<unknown>;
}

/** What `run`, `rerun` and `logs` return. */
export interface RunResult {
  id: number;
  job: string;
  status: string;
  exitCode: number | null;
  reason: string | null;
  lines: number;
}

/** The result of a run as the commands return it. */
export function toRunResult(run: RunRecord): RunResult {
  return {
    id: run.id,
    job: run.job,
    status: run.status,
    exitCode: run.exitCode,
    reason: run.reason,
    lines: run.lineCount,
  };
}

/** Every parameter problem as a text in each language: wrong values, then missing fields. */
export function paramProblemTexts(
  problems: readonly ParamProblem[],
  missing: readonly string[],
): Texts[] {
  return [
    ...problems.map((problem) => {
      const { key, params } = paramProblemMessage(problem);
      return messages.text(key, params);
    }),
    ...missing.map((field) => messages.text('problems.required', { field })),
  ];
}

/** Parameter problems as a USAGE error that lists each one. */
export function paramsError(
  job: string,
  problems: readonly ParamProblem[],
  missing: readonly string[],
): ToolbeltError {
  return messages.error(
    'USAGE',
    'errors.paramsList',
    { job },
    { problems: paramProblemTexts(problems, missing) },
  );
}

/** The job or a USAGE error naming it. */
export function requireJob(runner: Runner, name: string): JobDefinition {
  const job = runner.library.jobs.find((j) => j.name === name);
  if (!job) throw messages.error('USAGE', 'errors.noJob', { job: name });
  return job;
}

/** The stored run or a USAGE error naming it. */
export async function requireRun(runner: Runner | undefined, id: number): Promise<RunRecord> {
  const run = await runner?.store.getRun(id);
  if (!run) throw messages.error('USAGE', 'errors.noRun', { run: id });
  return run;
}

/** Per runner, the last run of each `concurrency: 1` job executing here (embedded owner). */
const serialRuns = new WeakMap<Runner, Map<string, Promise<unknown>>>();

/** Start a run in this process's embedded database, one at a time for `concurrency: 1` jobs. */
function executeHere(
  runner: Runner,
  job: JobDefinition,
  runId: number,
  secrets: Readonly<Record<string, string>>,
): Promise<unknown> {
  if (job.concurrency !== 1) return runner.executeHere(runId, secrets);
  // One at a time: this run stays queued until the job's previous run has finished.
  const chains = serialRuns.get(runner) ?? new Map<string, Promise<unknown>>();
  const done = (chains.get(job.name) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => runner.executeHere(runId, secrets));
  serialRuns.set(runner, chains.set(job.name, done));
  return done;
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
      timeoutSeconds: request.timeoutSeconds,
      rerunOf: request.rerunOf,
    };
    return { run: await runner.callOwner(remote) };
  }
  const check = validateParams(job.fields, request.input);
  if (check.problems.length > 0 || check.missing.length > 0)
    throw paramsError(
      job.name,
      check.problems,
      check.missing.map((f) => f.name),
    );
  const secrets = secretParams(job.fields, check.values);
  const sealed = request.launch === 'queue' ? await sealForQueue(runner, secrets) : undefined;
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
      { runId: run.id, sealedSecrets: sealed },
      { serialKey: job.concurrency === 1 ? `job:${job.name}` : undefined },
    );
    return { run };
  }
  if (runner.mode === 'pglite') return { run, done: executeHere(runner, job, run.id, secrets) };
  const executioner = await runner.startExecutioner(run.id, secrets, request.stderr ?? 'ignore');
  return { run, executioner };
}

/** The run of one schedule's tick (serve's minute scheduler, the workers' cron). */
export async function startScheduledRun(
  runner: Runner,
  schedule: LoadedSchedule,
  launch: RunRequest['launch'],
): Promise<StartedRun> {
  return startRun(runner, {
    job: schedule.job,
    input: { ...schedule.params },
    startedBy: `schedule:${schedule.id}`,
    launch,
  });
}

/** Queued runs need PostgreSQL, and secret parameters a key to seal them with. */
async function sealForQueue(
  runner: Runner,
  secrets: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  if (runner.mode !== 'postgres') throw messages.error('USAGE', 'errors.detachNeedsPostgres');
  if (Object.keys(secrets).length === 0) return undefined;
  const key = runner.config.secretKey;
  if (!key) throw messages.error('CONFIG', 'errors.needSecretKey');
  return runner.sealSecrets(secrets, key);
}

/** A client's request, started by the owner of the embedded folder (where it executes). */
export async function startOwnersRun(runner: Runner, payload: unknown): Promise<RunRecord> {
  const started = await startRun(runner, { ...(payload as RemoteRunRequest), launch: 'spawn' });
  return started.run;
}

/** The raw input to run a stored run's job again (secret fields left out: they were never stored). */
export function rerunInput(run: RunRecord, job: JobDefinition): Record<string, string> {
  const secret = new Set(job.fields.filter((f) => f.secret).map((f) => f.name));
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(run.params))
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
  const finished = options.finished?.catch(() => undefined);
  for (;;) {
    const run = await store.getRun(runId);
    if (!run) throw messages.error('USAGE', 'errors.noRun', { run: runId });
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
    const poll = new Promise((r) => (timer = setTimeout(r, options.pollMs ?? 200)));
    await Promise.race(finished ? [poll, finished] : [poll]);
    clearTimeout(timer);
  }
}

/** What a followed run ends with. */
export interface FollowedRun {
  result: RunResult;
  /** Exit code of the command: PARTIAL when the run did not succeed. */
  exit: RunExitCode;
}

/** Options of {@link runAndFollow}. */
export interface FollowOptions {
  /** Queue the run for the workers and return at once. */
  detach: boolean;
  /** Told the run's id once it is stored (queued or started). */
  onStarted: (run: RunRecord, detached: boolean) => void;
  onLines: (lines: LogLine[]) => void;
  /** Told the run's end as soon as it is recorded. */
  onFinished: (result: RunResult) => void;
  /** What the Ctrl-C message says was done (in the user's language). */
  cancelNote: (result: RunResult) => string;
}

/**
 * Start a run (queued for the workers with `detach`; else an executioner process on
 * PostgreSQL, or the owner of the embedded folder: this process or a running `serve`), then
 * follow its log until it finishes and is recorded. Ctrl-C or SIGTERM asks the run to stop
 * and keeps following until it is recorded as cancelled (then CANCELLED); a second signal
 * leaves at once.
 */
export async function runAndFollow(
  runner: Runner,
  request: Omit<RunRequest, 'launch' | 'stderr'>,
  options: FollowOptions,
): Promise<FollowedRun> {
  const started = await startRun(runner, {
    ...request,
    launch: options.detach ? 'queue' : 'spawn',
    stderr: 'inherit',
  });
  const { id } = started.run;
  options.onStarted(started.run, options.detach);
  if (options.detach) {
    const result = { ...toRunResult(started.run), status: 'queued', lines: 0 };
    return { result, exit: 'OK' };
  }
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    void runner.store.requestCancel(id, new Date()).catch(() => {});
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let result: RunResult;
  try {
    result = toRunResult(
      await followRun(runner.store, id, options.onLines, {
        follow: true,
        finished: started.done,
      }),
    );
    options.onFinished(result);
    if (started.executioner) await waitForExecutioner(started.executioner);
    await started.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (interrupted) throw cancelledError(options.cancelNote(result));
  return { result, exit: runExitCode(result.status) };
}

/** `logs`: a stored run's log, followed until it finishes with `follow`. */
export async function readRunLog(
  settings: RunnerSettings,
  id: number,
  options: { follow: boolean; onLines: (lines: LogLine[]) => void },
): Promise<FollowedRun> {
  const runner = await openRunnerIfData(settings, { jobs: false });
  try {
    await requireRun(runner, id);
    const run = await followRun(runner!.store, id, options.onLines, { follow: options.follow });
    const result = toRunResult(run);
    return { result, exit: runExitCode(result.status) };
  } finally {
    await runner?.close();
  }
}

/** How `run` and `rerun` talk to the person at the terminal. */
export interface RunIO extends Omit<FollowOptions, 'detach'> {
  /** A terminal can be asked for missing fields. */
  interactive: boolean;
  /** Ask for the values of these fields, one by one. */
  ask: (fields: readonly JobField[]) => Promise<Record<string, string>>;
  startedBy: string;
}

/**
 * `run`: check the `--set` values (wrong values, and without a terminal every missing field,
 * are reported all at once before anything is asked), ask for the missing ones, then run the
 * job and follow its log.
 */
export async function runJob(
  settings: RunSettings,
  name: string,
  open: OpenRunnerOptions,
  io: RunIO,
): Promise<FollowedRun> {
  const runner = await openRunner(settings.runner, open);
  try {
    const job = requireJob(runner, name);
    const check = validateParams(job.fields, settings.input);
    const missing = io.interactive ? [] : check.missing.map((f) => f.name);
    if (check.problems.length > 0 || missing.length > 0)
      throw paramsError(job.name, check.problems, missing);
    const input = { ...settings.input, ...(await io.ask(check.missing)) };
    return await runAndFollow(
      runner,
      { job: job.name, input, startedBy: io.startedBy, timeoutSeconds: settings.timeoutSeconds },
      { ...io, detach: settings.detach },
    );
  } finally {
    await runner.close();
  }
}

/**
 * `rerun`: the job of an earlier run again with the same parameters; secret ones were never
 * stored, so they are asked for again.
 */
export async function rerunJob(
  settings: RunnerSettings,
  id: number,
  options: { detach: boolean; open: OpenRunnerOptions },
  io: RunIO,
): Promise<FollowedRun> {
  const runner = await openRunnerIfData(settings, options.open);
  try {
    const previous = await requireRun(runner, id);
    const job = requireJob(runner!, previous.job);
    const input = rerunInput(previous, job);
    Object.assign(input, await io.ask(validateParams(job.fields, input).missing));
    return await runAndFollow(
      runner!,
      {
        job: job.name,
        input,
        startedBy: io.startedBy,
        rerunOf: previous.id,
        timeoutSeconds: previous.timeoutSeconds || undefined,
      },
      { ...io, detach: options.detach },
    );
  } finally {
    await runner?.close();
  }
}
