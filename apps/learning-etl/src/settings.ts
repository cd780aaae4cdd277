import { checkInputFile, requireInteractive, settingsError, type Env } from '@toolbelt/cli-kit';
import type { Texts } from '@toolbelt/errors';
import type { NotifierOptions } from '@toolbelt/notify';
import { chooseDays } from './core/dates.js';
import { messages } from './i18n/index.js';

/** Flags of `run` that feed the settings. */
export interface RunFlags {
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  'test-mode'?: boolean | undefined;
  reset?: boolean | undefined;
  'source-file'?: string | undefined;
  report?: string | undefined;
  'no-report'?: boolean | undefined;
  'no-email'?: boolean | undefined;
  'no-wait'?: boolean | undefined;
  'dry-run'?: boolean | undefined;
}

/** Settings of a run, read once from flags and environment (flags > env > .env > defaults). */
export interface RunSettings {
  /** The days `--date` or `--from`/`--to` name; undefined: ask on the terminal. */
  days: string[] | undefined;
  testMode: boolean;
  reset: boolean;
  dryRun: boolean;
  /** `ITRESUME_API_URL`. */
  apiUrl: string;
  /** `ITRESUME_CLIENT` (or the original's `client`); needed unless `--source-file`. */
  client: string;
  /** `ITRESUME_CLIENT_KEY` (or `client_key`); a secret. */
  clientKey: string;
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

/** Endpoint of the original tool's statistics API. */
export const DEFAULT_API_URL = 'https://b2b.itresume.ru/api/statistics';

/** Embedded default report: a workbook in the working directory. */
export const DEFAULT_REPORT = 'reports/learning-report.xlsx';

/**
 * The command's settings step, in the order a person fixes things: a mistake in the date
 * flags (64), a saved response that cannot be read (64), no date and no terminal to ask on
 * (64), then every setting problem at once (78), dry runs included, so that nobody types a
 * date for nothing.
 */
export async function loadSettings(flags: RunFlags, env: Env): Promise<RunSettings> {
  const choice = chooseDays({ ...flags, sourceFile: flags['source-file'] !== undefined });
  if (choice.kind === 'invalid')
    throw messages.error('USAGE', `errors.${choice.key}`, choice.params);
  if (flags['source-file'] !== undefined) checkInputFile(flags['source-file']);
  if (choice.kind === 'ask') requireInteractive('--date');
  const notifyProblems = flags['no-email'] ? [] : await mailProblems(env);
  const { readSettings } = await import('./read-settings.js');
  const { settings, problems } = readSettings(flags, env, notifyProblems);
  if (!settings) throw settingsError(problems);
  return settings;
}

/** learning-etl notifies by e-mail only (as the original), to the recipients of `MAIL_TO`. */
export const notifyOptions = {
  recipientVariables: ['MAIL_TO'],
  channels: ['email'],
} as const satisfies NotifierOptions;

/** The mail settings' problems (MAIL_TO, SMTP_*, GMAIL_*, MAIL_FROM), in every language. */
async function mailProblems(env: Env): Promise<Texts[]> {
  const { notifierProblems } = await import('@toolbelt/notify');
  return notifierProblems(env, notifyOptions);
}
