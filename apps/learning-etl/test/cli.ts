import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI entry point. */
export const binPath = fileURLToPath(new URL('../bin/run.js', import.meta.url));

/** Variables a test run must not inherit from the developer's shell. */
const scrubbed = [
  'DATABASE_URL',
  'ITRESUME_API_URL',
  'ITRESUME_CLIENT',
  'ITRESUME_CLIENT_KEY',
  'client',
  'client_key',
  'MAIL_TO',
  'SMTP_URL',
  'SMTP_HOST',
  'GMAIL_USER',
  'REPORT_SPREADSHEET_ID',
  'TOOLBELT_LANG',
  'OUTBOX_DIR',
];

/** Environment for a CLI run: the parent's, minus tool settings, plus `env`. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1' };
  for (const name of scrubbed) delete base[name];
  return { ...base, ...env };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the CLI (stdin is an empty pipe: not a terminal). */
export function startCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env ?? {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

/** Run the CLI to its end. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  return startCli(args, options).done;
}

/** Parse the `--json` result printed on stdout. */
export function jsonOf<T = Record<string, unknown>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(
      `no JSON on stdout (exit ${run.code}):\n${run.stdout}\n--- stderr ---\n${run.stderr}`,
    );
  }
}

/** Poll `check` until it returns true (bounded). */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
  stepMs = 50,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
