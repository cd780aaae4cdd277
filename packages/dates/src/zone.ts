import type { IsoDate } from './calendar.js';

/** Local dates and times of an instant in an IANA time zone, read with `Intl`. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (undefined = the system zone, read when first asked). */
function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    // The system zone can change while the process runs (process.env.TZ): not cached.
    if (timeZone !== undefined) formatters.set(key, format);
  }
  return format;
}

function parts(instant: Date, timeZone: string | undefined): Record<string, string> {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  const out: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) out[part.type] = part.value;
  return out;
}

/** True when `timeZone` is an IANA zone this runtime knows (`America/Los_Angeles`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of `instant` in `timeZone` (the system zone when undefined), `YYYY-MM-DD`.
 * An unknown zone is a RangeError (check with {@link isTimeZone} first).
 */
export function localDate(instant: Date, timeZone?: string): IsoDate {
  return dateOf(parts(instant, timeZone));
}

function dateOf(p: Record<string, string>): IsoDate {
  return `${(p.year ?? '').padStart(4, '0')}-${p.month}-${p.day}`;
}

/**
 * `2026-12-01 09:47:32`: the date and 24-hour time of `instant` in `timeZone` (the system zone
 * when undefined), the form a table shows, sortable and the same in every language.
 */
export function localDateTime(instant: Date, timeZone?: string): string {
  const p = parts(instant, timeZone);
  return `${dateOf(p)} ${p.hour}:${p.minute}:${p.second}`;
}
