import { commonMessages, configError, type Texts, type ToolbeltError } from '@toolbelt/errors';
import { REDACTED, isSecretKey } from '@toolbelt/log';
import type { z } from 'zod';

/** Settings read from flags and env, checked: the typed, frozen value, or every problem. */
export interface SettingsCheck<T> {
  /** The settings when there is no problem (deeply frozen), else undefined. */
  settings: Readonly<T> | undefined;
  /** Every problem at once, each in every language (`NAME: what is wrong`). */
  problems: Texts[];
}

export interface CheckSettingsOptions {
  /**
   * What to call a setting in a problem, by its path in the schema (`{ schoolYear:
   * '--school-year' }`); a setting not listed is called by its path (`ITRESUME_CLIENT`).
   */
  names?: Readonly<Record<string, string>>;
  /**
   * Trim the top-level string values and treat blank ones as unset (`SMTP_HOST=` in a `.env`
   * file, `--report ''`), so that defaults apply and a required one is "required but not set".
   */
  blankAsUnset?: boolean;
}

/**
 * A refinement's own problem, in every language: pass it as the options of zod's `refine`
 * (`.refine(isReal, settingProblem(messages.text('problems.notADay', { name })))`), or spread
 * it into `ctx.addIssue({ code: 'custom', ...settingProblem(texts) })`. `checkSettings`
 * reports these texts as they are.
 */
export function settingProblem(texts: Texts): { message: string; params: { texts: Texts } } {
  return { message: texts.en, params: { texts } };
}

/**
 * Checks raw settings (flags > env > .env > defaults, already merged) with a zod schema:
 * the typed, frozen settings, or every problem at once, each worded in en and ru by the
 * common catalog (`ITRESUME_RETRIES: must be an integer, got "x"`). Values of secret-named
 * settings are shown as `***`. Pure: nothing is read, nothing thrown.
 */
export function checkSettings<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  options: CheckSettingsOptions = {},
): SettingsCheck<z.output<S>> {
  const input = options.blankAsUnset ? withoutBlanks(raw) : raw;
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { settings: deepFreeze(parsed.data), problems: [] };
  return {
    settings: undefined,
    problems: parsed.error.issues.map((issue) => describeIssue(issue, input, options.names ?? {})),
  };
}

/**
 * THE CONFIG error (exit 78) of settings problems: "Configuration is missing or invalid:",
 * every problem in the user's language, and the fix line naming `envFile` (when not given,
 * the `.env` file the command read).
 */
export function settingsError(problems: readonly Texts[], envFile?: string): ToolbeltError {
  return configError(problems, envFile);
}

type Issue = z.core.$ZodIssue;

function withoutBlanks(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') out[key] = value;
    else if (value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** The value as the user wrote it (before coercion), at the issue's path. */
function rawAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function shown(value: unknown, secret: boolean): string {
  if (secret) return REDACTED;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? String(value);
}

const typeNames = new Set(['string', 'number', 'boolean', 'object', 'array', 'date']);

function describeIssue(issue: Issue, raw: unknown, names: Readonly<Record<string, string>>): Texts {
  const path = issue.path.map(String).join('.');
  const name = names[path] ?? (path === '' ? '(settings)' : path);
  const secret = issue.path.some((part) => typeof part === 'string' && isSecretKey(part));
  const written = rawAt(raw, issue.path);
  const value = shown(written === undefined ? issue.input : written, secret);
  switch (issue.code) {
    case 'invalid_type':
      if (written === undefined) return commonMessages.text('problems.required', { name });
      if (issue.expected === 'number' || issue.expected === 'nan')
        return commonMessages.text('problems.notNumber', { name, value });
      if (issue.expected === 'int' || issue.expected === 'bigint')
        return commonMessages.text('problems.notInteger', { name, value });
      return commonMessages.text('problems.wrongType', {
        name,
        expected: typeNames.has(issue.expected) ? issue.expected : 'other',
      });
    case 'invalid_value':
      return commonMessages.text('problems.notOneOf', {
        name,
        value,
        options: issue.values.map((v) => String(v)).join(', '),
      });
    case 'too_small':
      return sizeProblem(issue.origin, 'min', issue.minimum, issue.inclusive !== false, {
        name,
        value,
      });
    case 'too_big':
      return sizeProblem(issue.origin, 'max', issue.maximum, issue.inclusive !== false, {
        name,
        value,
      });
    case 'invalid_format':
      if (issue.format === 'url') return commonMessages.text('problems.notUrl', { name, value });
      if (issue.format === 'email')
        return commonMessages.text('problems.notEmail', { name, value });
      return commonMessages.text('problems.badFormat', { name, value });
    case 'unrecognized_keys':
      return commonMessages.text('problems.unknownKeys', { name, keys: issue.keys.join(', ') });
    case 'custom': {
      const own = (issue.params as { texts?: Texts } | undefined)?.texts;
      return own ?? commonMessages.text('problems.invalid', { name });
    }
    default:
      return commonMessages.text('problems.invalid', { name });
  }
}

function sizeProblem(
  origin: string,
  bound: 'min' | 'max',
  limit: number | bigint,
  inclusive: boolean,
  params: { name: string; value: string },
): Texts {
  const at = { ...params, [bound]: String(limit) };
  if (origin === 'string') {
    if (bound === 'min' && Number(limit) <= 1) return commonMessages.text('problems.empty', params);
    return commonMessages.text(bound === 'min' ? 'problems.tooShort' : 'problems.tooLong', at);
  }
  if (origin === 'array' || origin === 'set')
    return commonMessages.text(bound === 'min' ? 'problems.tooFew' : 'problems.tooMany', at);
  if (bound === 'min')
    return commonMessages.text(inclusive ? 'problems.tooSmall' : 'problems.tooSmallExclusive', at);
  return commonMessages.text(inclusive ? 'problems.tooLarge' : 'problems.tooLargeExclusive', at);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
