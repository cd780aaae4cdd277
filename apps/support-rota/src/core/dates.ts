/** A calendar date as `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a UTC midnight timestamp. */
function format(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** UTC midnight of a date, or NaN when it is not a real `YYYY-MM-DD` date. */
function toMs(value: string): number {
  const m = isoDate.exec(value);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const date = new Date(ms);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
    ? ms
    : Number.NaN;
}

function toMsOrThrow(date: IsoDate): number {
  const ms = toMs(date);
  if (Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return ms;
}

const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  return !Number.isNaN(toMs(value));
}

/** The date `days` days later (or earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return format(toMsOrThrow(date) + days * DAY_MS);
}

/** Day of the week as ISO numbers: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(toMsOrThrow(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type WeekdayName = (typeof weekdayNames)[number];

export function weekdayName(date: IsoDate): WeekdayName {
  return weekdayNames[isoWeekday(date) - 1] as WeekdayName;
}

/**
 * The first `count` working days from `start` (inclusive): Saturdays, Sundays and the given
 * holidays are skipped.
 */
export function workingDays(
  start: IsoDate,
  count: number,
  holidays: ReadonlySet<IsoDate> = new Set(),
): IsoDate[] {
  const days: IsoDate[] = [];
  for (let ms = toMsOrThrow(start); days.length < count; ms += DAY_MS) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = format(ms);
    if (!holidays.has(date)) days.push(date);
  }
  return days;
}
