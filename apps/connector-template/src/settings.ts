import { resolve } from 'node:path';
import { checkSettings, settingsError, type Env } from '@toolbelt/cli-kit';
import type { ConnectorKind } from '@toolbelt/connector';
import type { Texts } from '@toolbelt/errors';
import { z } from 'zod';
import { isValidConnectorName } from './core/scaffold.js';
import { planStages } from './core/stages.js';
import { messages } from './i18n/index.js';

/** What every command that opens the job database works with. */
export interface Settings {
  cwd: string;
  /** The environment the connectors see (credentials, S3, MASTER_HASH), JOB_ID from `--job`. */
  env: Env;
  /** The project registry named by `--registry` or `CONNECTOR_REGISTRY` (else ./connectors.yaml when present). */
  registryFile: string | undefined;
  /** PostgreSQL (`DATABASE_URL`), else the embedded PGlite folder `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded folder as the user named it, for the "waiting for" line. */
  dataDirLabel: string;
  /** Wait for another process that has the embedded folder (false with `--no-wait`). */
  wait: boolean;
}

/** `run`: which stages of which job. */
export interface RunSettings extends Settings {
  stages: ConnectorKind[];
  /** The history whose batches a destination stage loads (`--history`). */
  historyId: number | undefined;
  dryRun: boolean;
}

/** `history`: the runs of one job or all, or the log rows of one run. */
export interface HistorySettings extends Settings {
  jobId: number | undefined;
  historyId: number | undefined;
  limit: number;
}

/** `jobs add` and `jobs update`: the job file (and the job it replaces). */
export interface JobFileSettings extends Settings {
  file: string;
  id: number | undefined;
}

/** `jobs show` and `jobs remove`. */
export interface JobSettings extends Settings {
  id: number;
  /** `--yes`: remove without asking. */
  yes: boolean;
}

/** `new`: the connector package to scaffold. */
export interface NewSettings {
  name: string;
  kind: ConnectorKind;
  /** The folder given with `--dir` (the package goes in `<parent>/<name>`). */
  parent: string;
  dir: string;
  registryFile: string;
  /** `--sdk-version`, else chosen from where the package is made. */
  sdkVersion: string | undefined;
}

type UsageKey =
  | 'errors.needJob'
  | 'errors.historyRequired'
  | 'errors.historyWithSource'
  | 'errors.dryRunDestination'
  | 'errors.invalidName';

/** A mistake in the flags (USAGE, exit 64): a key of the app's catalog. */
export interface UsageProblem {
  key: UsageKey;
  params?: Record<string, unknown>;
}

/** Settings, or every problem at once: flag mistakes (64) and settings problems (78). */
export interface Checked<T> {
  settings: T | undefined;
  usage: UsageProblem[];
  problems: Texts[];
}

/** The flags every command that opens the job database may have. */
export interface CommonFlags {
  registry?: string | undefined;
  'no-wait'?: boolean | undefined;
}

// Names kept from the original template; checked for type only, as they always were.
const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PGLITE_DIR: z.string().optional(),
  CONNECTOR_REGISTRY: z.string().optional(),
  JOB_ID: z.string().optional(),
});

/** Flags + env -> the common settings (pure). */
export function readSettings(
  flags: CommonFlags,
  env: Env,
  cwd: string,
  usage: UsageProblem[] = [],
): Checked<Settings> {
  const checked = checkSettings(envSchema, env);
  const vars = checked.settings;
  const settings: Settings | undefined = vars && {
    cwd,
    env,
    registryFile: flags.registry ?? vars.CONNECTOR_REGISTRY,
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.PGLITE_DIR ?? `${cwd}/.data/connector-template`,
    dataDirLabel: vars.PGLITE_DIR ?? '.data/connector-template',
    wait: !flags['no-wait'],
  };
  return { settings, usage, problems: checked.problems };
}

/** The settings with more fields, when there are settings. */
function extend<T extends Settings>(
  checked: Checked<Settings>,
  more: Omit<T, keyof Settings>,
): Checked<T> {
  return { ...checked, settings: checked.settings && ({ ...checked.settings, ...more } as T) };
}

/** The environment with `--job` as JOB_ID, as the connectors read it. */
const withJob = (env: Env, job: number | undefined): Env => ({
  ...env,
  JOB_ID: job === undefined ? env.JOB_ID : String(job),
});

/** `run`: a job is needed (`--job` or JOB_ID); `--stage`, `--history` and `--dry-run` must fit. */
export function readRunSettings(
  flags: CommonFlags & {
    job?: number | undefined;
    stage?: string | undefined;
    history?: number | undefined;
    'dry-run': boolean;
  },
  env: Env,
  cwd: string,
): Checked<RunSettings> {
  const usage: UsageProblem[] = [];
  if (flags.job === undefined && !env.JOB_ID) usage.push({ key: 'errors.needJob' });
  const plan = planStages({
    stage: flags.stage as ConnectorKind | undefined,
    historyId: flags.history,
    dryRun: flags['dry-run'],
  });
  if (!plan.ok) usage.push({ key: `errors.${plan.problem}` });
  return extend<RunSettings>(readSettings(flags, withJob(env, flags.job), cwd, usage), {
    stages: plan.ok ? plan.stages : [],
    historyId: flags.history,
    dryRun: flags['dry-run'],
  });
}

/** `check`: the job of `--job` or JOB_ID (none: the checks say so). */
export function readCheckSettings(
  flags: CommonFlags & { job?: number | undefined },
  env: Env,
  cwd: string,
): Checked<Settings> {
  return readSettings(flags, withJob(env, flags.job), cwd);
}

export function readHistorySettings(
  flags: { job?: number | undefined; history?: number | undefined; limit: number },
  env: Env,
  cwd: string,
): Checked<HistorySettings> {
  return extend<HistorySettings>(readSettings({}, env, cwd), {
    jobId: flags.job,
    historyId: flags.history,
    limit: flags.limit,
  });
}

export function readJobFileSettings(
  flags: { file: string },
  id: number | undefined,
  env: Env,
  cwd: string,
): Checked<JobFileSettings> {
  return extend<JobFileSettings>(readSettings({}, env, cwd), { file: flags.file, id });
}

export function readJobSettings(
  flags: { yes?: boolean | undefined },
  id: number,
  env: Env,
  cwd: string,
): Checked<JobSettings> {
  return extend<JobSettings>(readSettings({}, env, cwd), { id, yes: flags.yes ?? false });
}

/** `new`: a connector name is lower-case words joined by dashes. */
export function readNewSettings(
  name: string,
  flags: { kind: string; dir: string; registry: string; 'sdk-version'?: string | undefined },
  cwd: string,
): Checked<NewSettings> {
  const valid = isValidConnectorName(name);
  return {
    settings: valid
      ? {
          name,
          kind: flags.kind as ConnectorKind,
          parent: resolve(cwd, flags.dir),
          dir: resolve(cwd, flags.dir, name),
          registryFile: resolve(cwd, flags.registry),
          sdkVersion: flags['sdk-version'],
        }
      : undefined,
    usage: valid ? [] : [{ key: 'errors.invalidName', params: { name } }],
    problems: [],
  };
}

/**
 * The settings, or the error that stops the command: the first flag mistake (USAGE, 64; any
 * others listed under it), else every settings problem (CONFIG, 78, naming `envFile`).
 */
export function settingsOrThrow<T>(checked: Checked<T>, envFile?: string): T {
  const [first, ...rest] = checked.usage;
  if (first) {
    const problems = rest.map((p) => messages.text(p.key, p.params));
    throw messages.error('USAGE', first.key, first.params, { problems });
  }
  if (!checked.settings) throw settingsError(checked.problems, envFile);
  return checked.settings;
}
