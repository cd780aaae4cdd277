import { DEFAULT_API_URL } from './adapters/statistics-api.js';
import { DEFAULT_REPORT } from './adapters/report-store.js';

/** Settings of a run, read once from flags and environment (flags > env > .env > defaults). */
export interface LearningEtlConfig {
  /** `ITRESUME_API_URL`. */
  apiUrl: string;
  /** `ITRESUME_CLIENT` (or the original's `client`); needed unless `--source-file`. */
  client: string | undefined;
  /** `ITRESUME_CLIENT_KEY` (or `client_key`); a secret. */
  clientKey: string | undefined;
  /** `ITRESUME_RETRIES` (default 4) retries after the first request. */
  retries: number;
  /** `ITRESUME_RETRY_DELAY_MS` (default 1000): first back-off step, doubled each retry. */
  retryDelayMs: number;
  /** `ITRESUME_TIMEOUT_MS` (default 30000): wait for the response headers per attempt. */
  timeoutMs: number;
  /** `DATABASE_URL`: PostgreSQL; unset -> embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** `LEARNING_ETL_DATA_DIR` (default `.data/learning-etl`). */
  dataDir: string;
  /** `--report` / `REPORT_SPREADSHEET_ID`; null with `--no-report`. */
  report: string | null;
  /** False with `--no-email`. */
  email: boolean;
  sourceFile: string | undefined;
  /** False with `--no-wait`: fail (TEMPFAIL, 75) when another run has the data folder open. */
  wait: boolean;
}

/** Flags that feed the configuration. */
export interface ConfigFlags {
  report?: string | undefined;
  'no-report'?: boolean | undefined;
  'no-email'?: boolean | undefined;
  'source-file'?: string | undefined;
  'no-wait'?: boolean | undefined;
}

const set = (value: string | undefined): string | undefined =>
  value?.trim() ? value.trim() : undefined;

/**
 * One setting problem: its catalog key (`settings.<key>` in the app's messages) and values,
 * so that it is told in the user's language; `englishProblem` words it for the log.
 */
export interface SettingProblem {
  key: 'integer' | 'url' | 'client' | 'clientKey' | 'mailTo';
  params: Record<string, string | number>;
}

/** A problem in English (the log, tests). */
export function englishProblem(problem: SettingProblem): string {
  const p = problem.params;
  switch (problem.key) {
    case 'integer':
      return `${p.name}: must be an integer >= ${p.min}, got "${p.value}"`;
    case 'url':
      return `ITRESUME_API_URL: not a URL: "${p.value}"`;
    case 'client':
      return 'ITRESUME_CLIENT (or client): required to call the statistics API (or pass --source-file)';
    case 'clientKey':
      return 'ITRESUME_CLIENT_KEY (or client_key): required to call the statistics API (or pass --source-file)';
    case 'mailTo':
      return `MAIL_TO: "${p.value}" is not an e-mail address`;
  }
}

/** Read the configuration; returns every problem found (pure). */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  flags: ConfigFlags,
): { config: LearningEtlConfig; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = set(env[name]);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      problems.push({ key: 'integer', params: { name, min, value: raw } });
      return fallback;
    }
    return value;
  };
  const config: LearningEtlConfig = {
    apiUrl: set(env.ITRESUME_API_URL) ?? DEFAULT_API_URL,
    client: set(env.ITRESUME_CLIENT) ?? set(env.client),
    clientKey: set(env.ITRESUME_CLIENT_KEY) ?? set(env.client_key),
    retries: integer('ITRESUME_RETRIES', 4, 0),
    retryDelayMs: integer('ITRESUME_RETRY_DELAY_MS', 1000, 0),
    timeoutMs: integer('ITRESUME_TIMEOUT_MS', 30_000, 1),
    databaseUrl: set(env.DATABASE_URL),
    dataDir: set(env.LEARNING_ETL_DATA_DIR) ?? '.data/learning-etl',
    report: flags['no-report']
      ? null
      : (set(flags.report) ?? set(env.REPORT_SPREADSHEET_ID) ?? DEFAULT_REPORT),
    email: !flags['no-email'],
    sourceFile: set(flags['source-file']),
    wait: !flags['no-wait'],
  };
  try {
    new URL(config.apiUrl);
  } catch {
    problems.push({ key: 'url', params: { value: config.apiUrl } });
  }
  if (!config.sourceFile) {
    if (!config.client) problems.push({ key: 'client', params: {} });
    if (!config.clientKey) problems.push({ key: 'clientKey', params: {} });
  }
  return { config, problems };
}
