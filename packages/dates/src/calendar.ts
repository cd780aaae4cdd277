/**
 * Calendar dates written `YYYY-MM-DD` (no time, no zone), years 0001 to 9999. All arithmetic
 * is done on UTC midnights, so no local time zone or daylight-saving change can shift a day.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** UTC midnight of year/month/day (month 1-12) when that is a real date of years 1-9999. */
function utcMidnight(year: number, month: number, day: number): number | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? date.getTime()
    : undefined;
}

/** UTC midnight of a real `YYYY-MM-DD` date, or undefined. */
function toMs(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  return m ? utcMidnight(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** UTC midnight of `date`; a RangeError names what is wrong with anything else. */
export function utcMidnightOf(date: IsoDate): number {
  const ms = typeof date === 'string' ? toMs(date) : undefined;
  if (ms === undefined) throw new RangeError(`not a YYYY-MM-DD calendar date: ${String(date)}`);
  return ms;
}

/** The calendar date (in UTC) of an instant or a millisecond timestamp, as `YYYY-MM-DD`. */
export function utcDate(instant: Date | number): IsoDate {
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999)
    throw new RangeError(`date out of range (years 0001-9999): ${String(instant)}`);
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * True for a real calendar date written exactly `YYYY-MM-DD`: rejects `2023-02-31`,
 * `2023-13-01`, `2023-1-5`, surrounding blanks, times, and anything that is not a string.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && toMs(value) !== undefined;
}

/**
 * A date as a person types it: `2023-05-31`, also `2023-5-1` and surrounding blanks (the way
 * Python's strptime takes `%Y-%m-%d`), normalised to `YYYY-MM-DD`; undefined when it is not
 * a real calendar date.
 */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = LOOSE_DATE.exec(text);
  if (!m) return undefined;
  const ms = utcMidnight(Number(m[1]), Number(m[2]), Number(m[3]));
  return ms === undefined ? undefined : utcDate(ms);
}

/** The date `days` days later (earlier when negative). Throws a RangeError on a bad date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return utcDate(utcMidnightOf(date) + days * DAY_MS);
}

/** Days from `from` to `to`: 1 from a date to the next, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS);
}

/** Every date from `from` to `to`, both included; empty when `from` is after `to`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const last = utcMidnightOf(to);
  for (let ms = utcMidnightOf(from); ms <= last; ms += DAY_MS) days.push(utcDate(ms));
  return days;
}

/** Day of the week: 0 = Sunday, 1 = Monday ... 6 = Saturday (as `Date#getDay`). */
export function weekday(date: IsoDate): number {
  return new Date(utcMidnightOf(date)).getUTCDay();
}

/** Day of the week as ISO 8601 numbers it: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = weekday(date);
  return day === 0 ? 7 : day;
}
