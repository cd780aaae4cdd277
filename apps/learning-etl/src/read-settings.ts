import { checkSettings, settingProblem, type Env } from '@toolbelt/cli-kit';
import type { Texts } from '@toolbelt/errors';
import { z } from 'zod';
import { chooseDays } from './core/dates.js';
import { messages } from './i18n/index.js';
import { DEFAULT_API_URL, DEFAULT_REPORT, type RunFlags, type RunSettings } from './settings.js';

// The zod part of the settings step, apart so that a mistake in the flags never loads zod.

/** A value set and not blank, trimmed. */
const set = (value: string | undefined): string | undefined => value?.trim() || undefined;

const integer = (name: string, fallback: number, min: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = set(raw);
      if (text === undefined) return fallback;
      const value = Number(text);
      if (Number.isInteger(value) && value >= min) return value;
      const texts = messages.text('problems.integer', { name, min, value: text });
      ctx.addIssue({ code: 'custom', ...settingProblem(texts) });
      return z.NEVER;
    });

/** A credential of the API: needed unless the records come from a saved file. */
const credential = (needed: boolean, problem: 'problems.client' | 'problems.clientKey') =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = set(raw) ?? '';
      if (needed && value === '')
        ctx.addIssue({ code: 'custom', ...settingProblem(messages.text(problem)) });
      return value;
    });

const url = z.string().transform((value, ctx) => {
  if (URL.canParse(value)) return value;
  ctx.addIssue({ code: 'custom', ...settingProblem(messages.text('problems.url', { value })) });
  return z.NEVER;
});

/**
 * The settings of a run from its flags and environment, and every problem at once (pure):
 * `notifyProblems` are those of the mail settings (notify's check), listed after ours.
 */
export function readSettings(
  flags: RunFlags,
  env: Env,
  notifyProblems: readonly Texts[] = [],
): { settings: RunSettings | undefined; problems: Texts[] } {
  const sourceFile = set(flags['source-file']);
  const schema = z.object({
    ITRESUME_RETRIES: integer('ITRESUME_RETRIES', 4, 0),
    ITRESUME_RETRY_DELAY_MS: integer('ITRESUME_RETRY_DELAY_MS', 1000, 0),
    ITRESUME_TIMEOUT_MS: integer('ITRESUME_TIMEOUT_MS', 30_000, 1),
    ITRESUME_API_URL: url,
    ITRESUME_CLIENT: credential(sourceFile === undefined, 'problems.client'),
    ITRESUME_CLIENT_KEY: credential(sourceFile === undefined, 'problems.clientKey'),
  });
  const checked = checkSettings(schema, {
    ITRESUME_RETRIES: env.ITRESUME_RETRIES,
    ITRESUME_RETRY_DELAY_MS: env.ITRESUME_RETRY_DELAY_MS,
    ITRESUME_TIMEOUT_MS: env.ITRESUME_TIMEOUT_MS,
    ITRESUME_API_URL: set(env.ITRESUME_API_URL) ?? DEFAULT_API_URL,
    ITRESUME_CLIENT: set(env.ITRESUME_CLIENT) ?? env.client,
    ITRESUME_CLIENT_KEY: set(env.ITRESUME_CLIENT_KEY) ?? env.client_key,
  });
  const problems = [...checked.problems, ...notifyProblems];
  const values = checked.settings;
  const choice = chooseDays({ ...flags, sourceFile: sourceFile !== undefined });
  if (!values || problems.length > 0) return { settings: undefined, problems };
  const settings: RunSettings = {
    days: choice.kind === 'days' ? choice.days : undefined,
    // oclif leaves a boolean flag that is not given undefined.
    testMode: flags['test-mode'] === true,
    reset: flags.reset === true,
    dryRun: flags['dry-run'] === true,
    apiUrl: values.ITRESUME_API_URL,
    client: values.ITRESUME_CLIENT,
    clientKey: values.ITRESUME_CLIENT_KEY,
    retries: values.ITRESUME_RETRIES,
    retryDelayMs: values.ITRESUME_RETRY_DELAY_MS,
    timeoutMs: values.ITRESUME_TIMEOUT_MS,
    databaseUrl: set(env.DATABASE_URL),
    dataDir: set(env.LEARNING_ETL_DATA_DIR) ?? '.data/learning-etl',
    report: flags['no-report']
      ? null
      : (set(flags.report) ?? set(env.REPORT_SPREADSHEET_ID) ?? DEFAULT_REPORT),
    email: !flags['no-email'],
    sourceFile,
    wait: !flags['no-wait'],
  };
  return { settings, problems: [] };
}
