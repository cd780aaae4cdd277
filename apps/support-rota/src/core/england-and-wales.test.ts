import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '@toolbelt/dates';
import { englandAndWalesBankHolidays as list } from './england-and-wales.js';

/** Easter Sunday (anonymous Gregorian algorithm), to check Good Friday and Easter Monday. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('bundled England and Wales bank holidays', () => {
  it('has 8 weekday holidays a year, 2024-2028', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028])
      expect(list.filter((d) => d.startsWith(`${year}-`))).toHaveLength(8);
    for (const date of list) expect(isoWeekday(date), date).toBeLessThanOrEqual(5);
  });

  it('has Good Friday and Easter Monday of every year', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      expect(list).toContain(addDays(easter(year), -2));
      expect(list).toContain(addDays(easter(year), 1));
    }
  });

  it('has the early May, spring and summer bank holidays on the right Mondays', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      const mondays = list.filter((d) => d.startsWith(`${year}-0`) && isoWeekday(d) === 1);
      const firstMayMonday = [1, 2, 3, 4, 5, 6, 7]
        .map((d) => `${year}-05-0${d}`)
        .find((d) => isoWeekday(d) === 1);
      const lastMayMonday = [31, 30, 29, 28, 27, 26, 25]
        .map((d) => `${year}-05-${d}`)
        .find((d) => isoWeekday(d) === 1);
      const lastAugMonday = [31, 30, 29, 28, 27, 26, 25]
        .map((d) => `${year}-08-${d}`)
        .find((d) => isoWeekday(d) === 1);
      expect(mondays).toEqual(
        expect.arrayContaining([firstMayMonday, lastMayMonday, lastAugMonday]),
      );
    }
  });
});
