import { userInfo } from 'node:os';
import { delimiter } from 'node:path';
import { Flags, type Command } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { dbCatalog, lockCatalog, waitingParams } from '@toolbelt/db';
import type { ToolbeltError } from '@toolbelt/errors';
import type { Translate } from '@toolbelt/i18n';
import type { ParamProblem } from './core/job-params.js';
import { wordParamProblems } from './i18n/param-problems.js';
import { catalogs } from './i18n/catalogs.js';
import type { Runner, RunnerConfig, RunRequest } from './runner.js';

/** Flags of every command that opens the job library or the database. */
export const runnerFlags = {
  'jobs-dir': Flags.string({
    summary: 'Folder of jobs (repeatable). Default: JOB_RUNNER_JOBS_DIR, else ./jobs.',
    multiple: true,
  }),
  'data-dir': Flags.string({
    summary: 'Embedded database folder when DATABASE_URL is not set.',
    default: '.data/job-runner',
  }),
};

/** A job runner command: reads its settings and opens the runner. */
export abstract class RunnerCommand<T extends typeof Command> extends BaseCommand<T> {
  static override catalogs = { ...catalogs, db: dbCatalog, lock: lockCatalog };

  protected runnerConfig(): RunnerConfig {
    const flags = this.flags as { 'jobs-dir'?: string[]; 'data-dir'?: string };
    const fromEnv = (this.env.JOB_RUNNER_JOBS_DIR ?? '').split(delimiter).filter(Boolean);
    const secretKey = this.env.JOB_RUNNER_SECRET_KEY;
    const databaseUrl = this.env.DATABASE_URL;
    return {
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir: this.env.JOB_RUNNER_DATA_DIR ?? flags['data-dir'] ?? '.data/job-runner',
      jobsDirs: flags['jobs-dir']?.length ? flags['jobs-dir'] : fromEnv.length ? fromEnv : ['jobs'],
      toolbelt: this.env.JOB_RUNNER_TOOLBELT !== '0',
      ...(secretKey ? { secretKey } : {}),
      env: { ...process.env, ...this.env },
    };
  }

  protected async openRunner(options: { jobs?: boolean } = {}): Promise<Runner> {
    const { openRunner } = await import('./runner.js');
    const config = this.runnerConfig();
    return openRunner(config, {
      command: `${this.config.bin} ${this.id ?? ''}`.trim(),
      onWait: (holder) =>
        this.logger.info(this.t('db:waiting', waitingParams(holder, config.dataDir))),
      ...options,
    });
  }

  /**
   * For commands that only read or change existing runs: undefined when the embedded data
   * folder holds no database yet (nothing is created, no database is started).
   */
  protected async openRunnerIfData(options: { jobs?: boolean } = {}): Promise<Runner | undefined> {
    const config = this.runnerConfig();
    if (!config.databaseUrl) {
      const { embeddedDatabaseExists } = await import('@toolbelt/db');
      if (!(await embeddedDatabaseExists(config.dataDir))) return undefined;
    }
    return this.openRunner(options);
  }

  /**
   * Start a run (queued for the workers with --detach; else an executioner process on
   * PostgreSQL, or the owner of the embedded folder: this process or a running `serve`), then
   * print its log until it finishes and wait until it is recorded.
   */
  protected async startAndFollow(
    runner: Runner,
    request: Omit<RunRequest, 'startedBy' | 'launch' | 'stderr'>,
  ): Promise<RunResult> {
    const { startRun } = await import('./runner.js');
    const detach = (this.flags as { detach?: boolean }).detach === true;
    const started = await startRun(runner, {
      ...request,
      startedBy: this.whoAmI(),
      launch: detach ? 'queue' : 'spawn',
      stderr: 'inherit',
    });
    const { id } = started.run;
    if (detach) {
      if (!this.jsonEnabled()) this.log(this.t('run.queued', { id, job: request.job }));
      return { id, job: request.job, status: 'queued', exitCode: null, reason: null, lines: 0 };
    }
    if (!this.jsonEnabled())
      process.stderr.write(`${this.t('run.started', { id, job: request.job })}\n`);
    // Ctrl-C or SIGTERM: ask the run to stop and keep following until it is recorded as
    // cancelled (the job is stopped by its executioner); a second signal leaves at once.
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
      result = await printRun(runner, id, {
        follow: true,
        json: this.jsonEnabled(),
        t: this.t,
        ...(started.done ? { finished: started.done } : {}),
      });
      if (started.executioner) {
        const { waitForExit } = await import('./adapters/launcher.js');
        await waitForExit(started.executioner);
      }
      await started.done;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    if (interrupted) {
      const { cancelledError } = await import('@toolbelt/cli-kit');
      throw cancelledError(
        this.t('run.finished', { id, status: this.t(`statuses.${result.status}`), exit: '' }),
      );
    }
    return this.exitForRun(result);
  }

  /** Parameter problems are worded again here, in the language of this command. */
  protected override describeError(error: ToolbeltError): string {
    const { job, paramProblems, missing } = error.params;
    if (
      error.key !== 'job-runner:errors.params' ||
      !Array.isArray(paramProblems) ||
      !Array.isArray(missing)
    )
      return super.describeError(error);
    const lines = wordParamProblems(paramProblems as ParamProblem[], missing as string[], this.t);
    return [this.t('errors.paramsList', { job }), ...lines.map((l) => `  - ${l}`)].join('\n');
  }

  /** A run that did not succeed ends the command with exit 1 (PARTIAL). */
  protected exitForRun(result: RunResult): RunResult {
    if (result.status !== 'succeeded' && result.status !== 'queued' && result.status !== 'running')
      this.setExitCode('PARTIAL');
    return result;
  }

  /** Who started a run: the login name of this user. */
  protected whoAmI(): string {
    try {
      return userInfo().username;
    } catch {
      return 'cli';
    }
  }
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

/** Print the lines of a run (stdout lines on stdout, the rest on stderr) until it finishes. */
export async function printRun(
  runner: Runner,
  runId: number,
  options: { follow: boolean; json: boolean; t: Translate; finished?: Promise<unknown> },
): Promise<RunResult> {
  const { followRun } = await import('./runner.js');
  const { json, t, follow } = options;
  const run = await followRun(
    runner.store,
    runId,
    (lines) => {
      if (json) return;
      let out = '';
      let err = '';
      for (const l of lines) {
        if (l.stream === 'stdout') out += `${l.line}\n`;
        else err += `${l.stream === 'system' ? '# ' : ''}${l.line}\n`;
      }
      if (out) process.stdout.write(out);
      if (err) process.stderr.write(err);
    },
    { follow, ...(options.finished ? { finished: options.finished } : {}) },
  );
  if (!json && (follow || run.finishedAt)) {
    const exit = run.exitCode === null ? '' : t('run.exitCode', { code: run.exitCode });
    process.stderr.write(
      `${t('run.finished', { id: run.id, status: t(`statuses.${run.status}`), exit })}\n`,
    );
  }
  return {
    id: run.id,
    job: run.job,
    status: run.status,
    exitCode: run.exitCode,
    reason: run.reason,
    lines: run.lineCount,
  };
}
