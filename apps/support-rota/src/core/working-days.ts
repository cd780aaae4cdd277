import { DAY_MS, isoWeekday, utcDate, utcMidnightOf, type IsoDate } from '@toolbelt/dates';

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

/** The English name of a date's weekday (the keys of the days-worked report). */
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
  for (let ms = utcMidnightOf(start); days.length < count; ms += DAY_MS) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = utcDate(ms);
    if (!holidays.has(date)) days.push(date);
  }
  return days;
}
