import { spawn, type ChildProcess } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What an executioner process needs to find the run, its job and the database. */
export interface ExecutionerTarget {
  /** A URL the executioner can connect to (PostgreSQL, or the PGlite socket server). */
  databaseUrl: string;
  jobsDirs: readonly string[];
  /** The database is a real PostgreSQL server: log lines go in with COPY. */
  copyLines?: boolean;
  /** List Toolbelt CLIs as jobs (default true). */
  toolbelt?: boolean;
  /** Environment for the executioner and its job (default this process's). */
  env?: NodeJS.ProcessEnv;
}

const executionerMain = fileURLToPath(new URL('../processes/executioner-main.js', import.meta.url));

/**
 * Start the executioner for one run as its own process (argv only, no shell). Secrets go on
 * its stdin, never on the command line. The caller may wait for `exit` or walk away
 * (`unref()`): the run carries on either way.
 */
export function spawnExecutioner(
  target: ExecutionerTarget,
  runId: number,
  secrets: Readonly<Record<string, string>> = {},
  options: { stderr?: 'inherit' | 'ignore' } = {},
): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...(target.env ?? process.env),
    JOB_RUNNER_DATABASE_URL: target.databaseUrl,
    JOB_RUNNER_JOBS_DIR: target.jobsDirs.map((dir) => resolve(dir)).join(delimiter),
    JOB_RUNNER_TOOLBELT: target.toolbelt === false ? '0' : '1',
    JOB_RUNNER_COPY: target.copyLines ? '1' : '0',
  };
  const child = spawn(process.execPath, [executionerMain, String(runId)], {
    env,
    shell: false,
    stdio: ['pipe', 'ignore', options.stderr ?? 'ignore'],
  });
  child.stdin.on('error', () => {
    // The executioner exits early when the run was already taken; nothing to deliver then.
  });
  child.stdin.end(JSON.stringify(secrets));
  return child;
}

/** Resolves with the executioner's exit code. */
export function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else child.once('close', (code) => done(code ?? 1));
  });
}
