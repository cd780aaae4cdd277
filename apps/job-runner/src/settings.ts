import { delimiter } from 'node:path';
import { Flags } from '@oclif/core';
import { usageProblems, type Env } from '@toolbelt/cli-kit';
import type { ToolbeltError } from '@toolbelt/errors';
import { parseDuration } from './core/duration.js';
import { parseSetItems } from './core/job-params.js';
import { parseRetention, type PruneCriteria, type Retention } from './core/retention.js';
import { messages } from './i18n/index.js';
import { parseHostList } from './web/host-check.js';

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

/** The `--retention` flag of `serve` and `worker`. */
export const retentionFlags = {
  retention: Flags.string({
    summary:
      'Delete finished runs past this, hourly: an age (30d), runs per job (100 runs) or both (30d, 100 runs). Also JOB_RUNNER_RETENTION.',
  }),
};

/** Exit codes of the commands that run a job and follow it (`run`, `rerun`). */
export const followExitCodes = [
  'OK',
  'PARTIAL',
  'USAGE',
  'CONFIG',
  'UNAVAILABLE',
  'TEMPFAIL',
  'INTERNAL',
  'CANCELLED',
] as const;

/** Where the job library and the database are, parsed once at the edge. */
export interface RunnerSettings {
  /** PostgreSQL (`DATABASE_URL`); without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jobsDirs: string[];
  /** List the other Toolbelt CLIs as jobs. */
  toolbelt: boolean;
  /** `JOB_RUNNER_SECRET_KEY`: seals secret parameters of queued runs. */
  secretKey?: string;
  /** Environment handed to executioners (and so, reduced, to jobs). */
  env?: NodeJS.ProcessEnv;
}

/** What a settings reader gives: the settings, and every problem at once (USAGE errors). */
export interface SettingsRead<T> {
  settings: T;
  problems: ToolbeltError[];
}

/** The settings, or the one problem, or a USAGE error listing every problem. */
export function settingsOrThrow<T>(read: SettingsRead<T>): T {
  const error = usageProblems(read.problems);
  if (error) throw error;
  return read.settings;
}

/** The runner's settings: flags over `JOB_RUNNER_*` variables over defaults. */
export function readRunnerSettings(
  flags: { 'jobs-dir'?: string[] | undefined; 'data-dir'?: string | undefined },
  env: Env,
): RunnerSettings {
  const fromEnv = (env.JOB_RUNNER_JOBS_DIR ?? '').split(delimiter).filter(Boolean);
  const given = flags['jobs-dir'] ?? [];
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JOB_RUNNER_DATA_DIR ?? flags['data-dir'] ?? '.data/job-runner',
    jobsDirs: [given, fromEnv, ['jobs']].find((dirs) => dirs.length > 0) ?? ['jobs'],
    toolbelt: env.JOB_RUNNER_TOOLBELT !== '0',
    secretKey: env.JOB_RUNNER_SECRET_KEY || undefined,
    env: { ...process.env, ...env },
  };
}

/** Settings of `run`: the raw `--set` values and the time limit. */
export interface RunSettings {
  runner: RunnerSettings;
  input: Record<string, string>;
  timeoutSeconds: number | undefined;
  detach: boolean;
}

export function readRunSettings(
  flags: Parameters<typeof readRunnerSettings>[0] & {
    set?: string[] | undefined;
    timeout?: number | undefined;
    detach?: boolean | undefined;
  },
  env: Env,
): SettingsRead<RunSettings> {
  const { input, bad } = parseSetItems(flags.set ?? []);
  return {
    settings: {
      runner: readRunnerSettings(flags, env),
      input,
      timeoutSeconds: flags.timeout,
      detach: flags.detach === true,
    },
    problems: bad.map((item) => messages.error('USAGE', 'errors.badSet', { item })),
  };
}

/** Settings of `prune`: what to delete, and whether to ask. */
export interface PruneSettings {
  runner: RunnerSettings;
  criteria: PruneCriteria;
  dryRun: boolean;
  yes: boolean;
}

export function readPruneSettings(
  flags: Parameters<typeof readRunnerSettings>[0] & {
    'older-than'?: string | undefined;
    keep?: number | undefined;
    'dry-run'?: boolean | undefined;
    yes?: boolean | undefined;
  },
  env: Env,
  startedAt: Date,
): SettingsRead<PruneSettings> {
  const keep = flags.keep;
  const olderThan = flags['older-than'] ?? (keep ? undefined : '30d');
  const ms = olderThan === undefined ? undefined : parseDuration(olderThan);
  return {
    settings: {
      runner: readRunnerSettings(flags, env),
      criteria: {
        cutoff: ms === undefined ? undefined : new Date(startedAt.getTime() - ms),
        keepRuns: keep,
      },
      dryRun: flags['dry-run'] === true,
      yes: flags.yes === true,
    },
    problems:
      olderThan !== undefined && ms === undefined
        ? [messages.error('USAGE', 'errors.badDuration', { value: olderThan })]
        : [],
  };
}

/** The retention setting (flag, else JOB_RUNNER_RETENTION); undefined when none is set. */
function readRetention(
  flag: string | undefined,
  env: Env,
): { retention: Retention | undefined; problems: ToolbeltError[] } {
  const text = flag ?? env.JOB_RUNNER_RETENTION;
  if (text === undefined || text.trim() === '') return { retention: undefined, problems: [] };
  const retention = parseRetention(text);
  return {
    retention,
    problems: retention ? [] : [messages.error('USAGE', 'errors.badRetention', { value: text })],
  };
}

/** Settings of `serve`. */
export interface ServeSettings {
  runner: RunnerSettings;
  retention: Retention | undefined;
  host: string;
  port: number;
  /** `--allowed-host` names, then JOB_RUNNER_ALLOWED_HOSTS. */
  allowedHosts: string[];
  /** `JOB_RUNNER_TOKEN`: the login token. */
  token: string | undefined;
}

export function readServeSettings(
  flags: Parameters<typeof readRunnerSettings>[0] & {
    retention?: string | undefined;
    host: string;
    port: number;
    'allowed-host'?: string[] | undefined;
  },
  env: Env,
): SettingsRead<ServeSettings> {
  const { retention, problems } = readRetention(flags.retention, env);
  return {
    settings: {
      runner: readRunnerSettings(flags, env),
      retention,
      host: flags.host,
      port: flags.port,
      allowedHosts: [
        ...(flags['allowed-host'] ?? []),
        ...parseHostList(env.JOB_RUNNER_ALLOWED_HOSTS),
      ],
      token: env.JOB_RUNNER_TOKEN || undefined,
    },
    problems,
  };
}

/** Settings of `worker` (PostgreSQL only). */
export interface WorkerSettings {
  runner: RunnerSettings & { databaseUrl: string };
  retention: Retention | undefined;
  concurrency: number;
}

export function readWorkerSettings(
  flags: Parameters<typeof readRunnerSettings>[0] & {
    retention?: string | undefined;
    concurrency: number;
  },
  env: Env,
): SettingsRead<WorkerSettings> {
  const runner = readRunnerSettings(flags, env);
  const { retention, problems } = readRetention(flags.retention, env);
  const { databaseUrl } = runner;
  return {
    settings: {
      runner: { ...runner, databaseUrl: databaseUrl ?? '' },
      retention,
      concurrency: flags.concurrency,
    },
    problems:
      databaseUrl === undefined
        ? [messages.error('USAGE', 'errors.workerNeedsPostgres'), ...problems]
        : problems,
  };
}
