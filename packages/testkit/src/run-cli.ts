import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** How to run a CLI. */
export interface RunCliOptions {
  /**
   * Variables set over the clean base environment ({@link cliEnv}); `undefined` removes one
   * from the base (`{ HOME: undefined }`).
   */
  env?: Record<string, string | undefined>;
  /** Working folder (default: the test process's). */
  cwd?: string;
  /** What the CLI reads on stdin (default: nothing; stdin is an empty pipe, not a terminal). */
  input?: string;
  /** Killed with SIGKILL after this long (default 120 000 ms); `timedOut` says so. */
  timeoutMs?: number;
}

/** What a shell would see of one run. */
export interface CliResult {
  /** The exit status; null when the process was ended by a signal. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the run was killed because it outlived `timeoutMs`. */
  timedOut: boolean;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * The environment a CLI runs with in a test: only PATH, HOME and TMPDIR of the test process
 * (so the developer's shell settings, `DATABASE_URL`, `GOOGLE_*`, `TOOLBELT_*` ... never leak
 * into a run), English (`LANG=C.UTF-8`, and no `TOOLBELT_LANG` or `LC_ALL`, so that `env` may
 * switch the language with either `TOOLBELT_LANG` or `LANG`) and no colour (`NO_COLOR=1`), with
 * `env` over it. A value `undefined` in `env` removes that variable.
 */
export function cliEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { LANG: 'C.UTF-8', NO_COLOR: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) out[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

/**
 * Run `node -- <bin> ...args` to its end and return its exit status and output (synchronously:
 * use {@link runCliAsync} when the CLI talks to a stand-in served by the test process itself).
 */
export function runCli(
  bin: string,
  args: readonly string[],
  options: RunCliOptions = {},
): CliResult {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // `--`: Node 20 takes an `--env-file` anywhere in argv for its own unless options end first.
  const r = spawnSync(process.execPath, ['--', bin, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
    maxBuffer: MAX_OUTPUT,
  });
  const timedOut = r.error !== undefined && 'code' in r.error && r.error.code === 'ETIMEDOUT';
  if (r.error && !timedOut) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, timedOut };
}

/** A started CLI: the child process, and its result once it has ended. */
export interface StartedCli {
  child: ChildProcess;
  /** Output so far (grows while the CLI runs). */
  output(): { stdout: string; stderr: string };
  done: Promise<CliResult>;
}

/**
 * Start `node -- <bin> ...args` without waiting (for tests that signal it, read its output while
 * it runs, or serve it from the test process). Same environment and options as {@link runCli}.
 */
export function startCli(
  bin: string,
  args: readonly string[],
  options: RunCliOptions = {},
): StartedCli {
  const child = spawn(process.execPath, ['--', bin, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.input ?? '');
  // A CLI that ends before reading stdin makes the write fail with EPIPE: not the test's concern.
  child.stdin.on('error', () => undefined);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, timedOut });
    });
  });
  return { child, output: () => ({ stdout, stderr }), done };
}

/** {@link runCli} without blocking the test process (so its in-process stand-ins answer). */
export function runCliAsync(
  bin: string,
  args: readonly string[],
  options: RunCliOptions = {},
): Promise<CliResult> {
  return startCli(bin, args, options).done;
}
