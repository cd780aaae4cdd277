import { validDate } from './activity.js';

/** The API's query window for a day (the original's `start` / `end` parameters). */
export interface RequestWindow {
  start: string;
  end: string;
}

/** `D 00:00:00` to `D 23:59:59.999999`; test mode: the first hour only. */
export function requestWindow(day: string, testMode: boolean): RequestWindow {
  return {
    start: `${day} 00:00:00`,
    end: testMode ? `${day} 00:59:59.999999` : `${day} 23:59:59.999999`,
  };
}

/**
 * A date as a person types it (`2023-05-31`, also `2023-5-1` as Python's strptime takes it),
 * normalised to `YYYY-MM-DD`; undefined when it is not a real date.
 */
export function parseDay(text: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const day = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return validDate(day) ? day : undefined;
}

/** The day after `day` (`YYYY-MM-DD`). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included; empty when `from` is after `to`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}

/** Spreadsheet serial number of a day (1899-12-30 is 0, so 2024-10-02 is 45567). */
export function toSerialDate(day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What the person typed at the date prompt. */
export type PromptAnswer = { kind: 'exit' } | { kind: 'date'; day: string } | { kind: 'bad' };

/** `exit` in any letter case quits; a real date is taken; anything else is asked again. */
export function readPromptAnswer(text: string): PromptAnswer {
  if (text.trim().toLowerCase() === 'exit') return { kind: 'exit' };
  const day = parseDay(text);
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
    parseDay(value) ?? { kind: 'invalid', key: 'badDate', params: { flag, value } };
  if (flags.from !== undefined && flags.to !== undefined) {
    if (flags.sourceFile) return { kind: 'invalid', key: 'sourceFileRange', params: {} };
    const first = read('--from', flags.from);
    if (typeof first !== 'string') return first;
    const last = read('--to', flags.to);
    if (typeof last !== 'string') return last;
    if (first > last)
      return { kind: 'invalid', key: 'dateOrder', params: { from: first, to: last } };
    return { kind: 'days', days: daysBetween(first, last) };
  }
  if (flags.date === undefined) return { kind: 'ask' };
  const day = read('--date', flags.date);
  return typeof day === 'string' ? { kind: 'days', days: [day] } : day;
}
