import { addDays, eachDay, parseIsoDate } from '@toolbelt/dates';

/**
 * The moments a run of a day covers, `[start, end)` as `YYYY-MM-DD HH:MM:SS` (the form of the
 * `created_at` timestamps, compared as text or by PostgreSQL as timestamps): the whole day, or
 * its first hour in test mode. The DELETE of a re-run, the day's count and the dry run's
 * figures all use it, so that they agree on which rows are the day's.
 */
export interface DayWindow {
  start: string;
  /** The first moment after the window. */
  end: string;
}

/** `[D 00:00:00, D+1 00:00:00)`; test mode: `[D 00:00:00, D 01:00:00)`. */
export function dayWindow(day: string, testMode: boolean): DayWindow {
  return {
    start: `${day} 00:00:00`,
    end: testMode ? `${day} 01:00:00` : `${addDays(day, 1)} 00:00:00`,
  };
}

/**
 * Whether a valid `created_at` (`YYYY-MM-DD[ T]HH:MM:SS[.ffffff]`, see `validTimestamp`)
 * falls in the window. Fixed-width fields compare as text once the separator is a space.
 */
export function inDayWindow(createdAt: string, window: DayWindow): boolean {
  const moment =
    createdAt.charCodeAt(10) === 84
      ? `${createdAt.slice(0, 10)} ${createdAt.slice(11)}`
      : createdAt;
  return moment >= window.start && moment < window.end;
}

/** The API's query window for a day: the original's inclusive `start` / `end` parameters. */
export interface RequestWindow {
  start: string;
  end: string;
}

/**
 * The day window as the API is asked for it: `D 00:00:00` to `D 23:59:59.999999` (test mode:
 * `D 00:59:59.999999`), the last microsecond of {@link dayWindow}.
 */
export function requestWindow(day: string, testMode: boolean): RequestWindow {
  return {
    start: dayWindow(day, testMode).start,
    end: testMode ? `${day} 00:59:59.999999` : `${day} 23:59:59.999999`,
  };
}

/** What the person typed at the date prompt. */
export type PromptAnswer = { kind: 'exit' } | { kind: 'date'; day: string } | { kind: 'bad' };

/** `exit` in any letter case quits; a real date is taken; anything else is asked again. */
export function readPromptAnswer(text: string): PromptAnswer {
  if (text.trim().toLowerCase() === 'exit') return { kind: 'exit' };
  const day = parseIsoDate(text);
  return day ? { kind: 'date', day } : { kind: 'bad' };
}

/** What the date flags ask for: these days, the prompt, or a mistake (a catalog key + params). */
export type DayChoice =
  | { kind: 'days'; days: string[] }
  | { kind: 'ask' }
  | {
      kind: 'invalid';
      key: 'badDate' | 'dateOrder' | 'sourceFileRange';
      params: Record<string, string>;
    };

/** Resolve `--date` / `--from --to` (with `--source-file`, which holds one day). */
export function chooseDays(flags: {
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sourceFile?: boolean;
}): DayChoice {
  const read = (flag: string, value: string): DayChoice | string =>
    parseIsoDate(value) ?? { kind: 'invalid', key: 'badDate', params: { flag, value } };
  if (flags.from !== undefined && flags.to !== undefined) {
    if (flags.sourceFile) return { kind: 'invalid', key: 'sourceFileRange', params: {} };
    const first = read('--from', flags.from);
    if (typeof first !== 'string') return first;
    const last = read('--to', flags.to);
    if (typeof last !== 'string') return last;
    if (first > last)
      return { kind: 'invalid', key: 'dateOrder', params: { from: first, to: last } };
    return { kind: 'days', days: eachDay(first, last) };
  }
  if (flags.date === undefined) return { kind: 'ask' };
  const day = read('--date', flags.date);
  return typeof day === 'string' ? { kind: 'days', days: [day] } : day;
}
