import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { JobDefinition } from '../core/job-metadata.js';
import { planRunLaunch, type Launch } from '../core/launch.js';
import { maskSecrets } from '../core/job-params.js';
import { LineSplitter } from '../core/line-splitter.js';
import { decideOutcome, type JobExit, type RunOutcome } from '../core/run-status.js';
import type { LineStream, LogLine, RunStore } from './run-store.js';

/** Options of {@link executeRun}. */
export interface ExecuteOptions {
  store: RunStore;
  runId: number;
  /** Finds the run's job by name (undefined: not in this machine's library). */
  findJob(name: string): JobDefinition | undefined;
  /** Secret parameter values; never stored, masked in every stored line. */
  secrets?: Readonly<Record<string, string>>;
  /**
   * Environment the job's variables are taken from (default this process's). The job gets only
   * the allowlist of `planJobEnv` and the names its metadata declares.
   */
  env?: NodeJS.ProcessEnv;
  /** Clock (tests pass their own). */
  now?: () => Date;
  /** Lines per insert (default 5000). */
  batchLines?: number;
  /** Longest wait before buffered lines are stored (default 100 ms). */
  flushMs?: number;
  /** How often a silent job's run is checked for a cancel request (default 500 ms). */
  cancelPollMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping a job (default 5 s). */
  killGraceMs?: number;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const preloadUrl = new URL('../processes/capture-preload.js', import.meta.url).href;

/**
 * The executioner: claim a queued run, start its job as a child process (own process group,
 * argv only), store every stdout/stderr line in arrival order with its time, in batches, and
 * record the outcome. Stops the job on timeout or cancel. Resolves with the outcome, or
 * undefined when the run was not queued (another executioner has it, or it was cancelled).
 */
export async function executeRun(options: ExecuteOptions): Promise<RunOutcome | undefined> {
  const { store, runId } = options;
  const now = options.now ?? (() => new Date());
  const run = await store.claimRun(runId, now(), { host: hostname(), pid: process.pid });
  if (!run) return undefined;
  const secrets = options.secrets ?? {};
  const secretValues = Object.values(secrets).filter((s) => s !== '');
  const base = options.env ?? process.env;
  const batchLines = options.batchLines ?? 5000;
  const flushMs = options.flushMs ?? 100;

  let seq = run.lineCount;
  let buffer: LogLine[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let cancelRequested = false;
  let timer: NodeJS.Timeout | undefined;
  let onCancel: (() => void) | undefined;
  const paused = new Set<NodeJS.ReadableStream>();

  // The first failure to store lines (the database went away): the job is stopped, later
  // batches are dropped, and executeRun rejects with it at the end.
  let storeError: unknown;
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    // Batches are chained: the next starts when the previous is stored, so order holds.
    flushing = flushing.then(async () => {
      if (storeError !== undefined) return;
      try {
        const result = await store.appendLines(runId, batch);
        if (result.cancelRequested && !cancelRequested) {
          cancelRequested = true;
          onCancel?.();
        }
      } catch (error) {
        storeError = error;
        onCancel?.();
      } finally {
        if (buffer.length < batchLines * 4 || storeError !== undefined)
          for (const stream of paused) stream.resume();
        paused.clear();
      }
    });
    return flushing;
  };
  const add = (stream: LineStream, line: string): void => {
    buffer.push({
      seq: ++seq,
      stream,
      at: now(),
      line: secretValues.length ? maskSecrets(line, secretValues) : line,
    });
    if (buffer.length >= batchLines) void flush();
    else timer ??= setTimeout(() => void flush(), flushMs);
  };

  const job = options.findJob(run.job);
  let exit: JobExit;
  if (!job) {
    add('system', `job "${run.job}" is not in this machine's library`);
    exit = { code: null, signal: null, spawnError: `job "${run.job}" not found` };
  } else {
    const plan = planRunLaunch(job, runId, run.params, secrets, base, {
      node: process.execPath,
      preload: preloadUrl,
      jobHost: here('../processes/job-host.js'),
    });
    add('system', `started ${job.name} (run ${runId})`);
    if ('missing' in plan) {
      add('system', `secret parameters not provided: ${plan.missing.join(', ')}`);
      exit = {
        code: null,
        signal: null,
        spawnError: `secret parameters not provided: ${plan.missing.join(', ')}`,
      };
    } else {
      // Declared credentials are the job's to use, not to leave in the log.
      secretValues.push(...plan.envSecrets);
      const { launch } = plan;
      const timeoutSeconds = run.timeoutSeconds ?? job.timeoutSeconds;
      exit = await runChild(launch, {
        add,
        pauseWhenBehind: (stream) => {
          if (buffer.length >= batchLines * 4) {
            stream.pause();
            paused.add(stream);
          }
        },
        timeoutSeconds,
        killGraceMs: options.killGraceMs ?? 5_000,
        cancelPollMs: options.cancelPollMs ?? 500,
        pollCancel: () => {
          if (buffer.length === 0) void flush();
        },
        setOnCancel: (fn) => {
          onCancel = fn;
          if (cancelRequested || storeError !== undefined) fn();
        },
      });
    }
  }
  const outcome = decideOutcome(exit);
  add('system', `finished: ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}`);
  await flush();
  // The store's own error (the database went away), whatever it is, ends the run.
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrown as caught
  if (storeError !== undefined) throw storeError;
  await store.finishRun(runId, outcome, now());
  return outcome;
}

/** Whatever broke while executing a run, it must not stay "running": record it as failed. */
export async function recordExecutionerError(
  store: RunStore,
  runId: number,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await store
    .finishRun(
      runId,
      { status: 'failed', exitCode: null, reason: `executioner error: ${message}` },
      new Date(),
    )
    .catch(() => {});
}

interface ChildHooks {
  add(stream: LineStream, line: string): void;
  pauseWhenBehind(stream: NodeJS.ReadableStream): void;
  timeoutSeconds: number | null | undefined;
  killGraceMs: number;
  cancelPollMs: number;
  pollCancel(): void;
  setOnCancel(fn: () => void): void;
}

function runChild(launch: Launch, hooks: ChildHooks): Promise<JobExit> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      // detached: the job gets its own process group, so stopping it stops its children too.
      child = spawn(launch.file, launch.args, {
        env: launch.env,
        shell: false,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve({ code: null, signal: null, spawnError: (error as Error).message });
      return;
    }
    let stoppedBy: JobExit['stoppedBy'];
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: 'timeout' | 'cancel'): void => {
      if (stoppedBy) return;
      stoppedBy = why;
      hooks.add(
        'system',
        why === 'timeout'
          ? `time limit of ${hooks.timeoutSeconds} s reached: stopping the job`
          : 'cancel requested: stopping the job',
      );
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      };
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), hooks.killGraceMs);
    };
    const timeout = hooks.timeoutSeconds
      ? setTimeout(() => stop('timeout'), hooks.timeoutSeconds * 1000)
      : undefined;
    const poll = setInterval(() => hooks.pollCancel(), hooks.cancelPollMs);
    hooks.setOnCancel(() => stop('cancel'));

    const read = (
      stream: NodeJS.ReadableStream,
      name: 'stdout' | 'stderr',
      framed: boolean,
    ): void => {
      const splitter = new LineSplitter();
      const emit = (line: string) => {
        if (framed && line.charCodeAt(0) === 0x1e)
          hooks.add(line[1] === 'E' ? 'stderr' : 'stdout', line.slice(2));
        else hooks.add(name, line);
      };
      stream.on('data', (chunk: Buffer) => {
        for (const line of splitter.push(chunk)) emit(line);
        hooks.pauseWhenBehind(stream);
      });
      stream.on('end', () => {
        for (const line of splitter.end()) emit(line);
      });
    };
    read(child.stdout!, 'stdout', launch.framed);
    read(child.stderr!, 'stderr', false);
    child.stdin!.on('error', () => {
      // The job may exit without reading its input.
    });
    child.stdin!.end(launch.stdin ?? '');

    let spawnError: string | undefined;
    child.on('error', (error) => {
      spawnError = error.message;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      clearTimeout(killTimer);
      clearInterval(poll);
      resolve({
        code,
        signal,
        stoppedBy,
        timeoutSeconds: hooks.timeoutSeconds || undefined,
        spawnError,
      });
    });
  });
}
