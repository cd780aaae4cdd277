import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  eachDay,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  utcDate,
  utcMidnightOf,
  weekday,
} from './index.js';

describe('isIsoDate', () => {
  it.each(['2023-01-05', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '1900-03-01'])(
    'accepts the real date %s',
    (text) => expect(isIsoDate(text)).toBe(true),
  );

  it.each([
    '2023-02-31',
    '2023-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-01-00',
    '2023-1-5',
    '23-01-05',
    '0000-01-01',
    ' 2023-01-05',
    '2023-01-05 ',
    '2023-01-05T00:00:00Z',
    '2023/01/05',
    '２０２３-01-05', // full-width digits
    '',
  ])('rejects %j', (text) => expect(isIsoDate(text)).toBe(false));

  it('rejects what is not a string', () => {
    for (const value of [undefined, null, 20230105, new Date(0), ['2023-01-05']])
      expect(isIsoDate(value)).toBe(false);
  });

  it('reads years 0001-0099 as written, not as 1900-1999', () => {
    expect(isIsoDate('0050-01-01')).toBe(true);
    expect(isIsoDate('0100-02-29')).toBe(false); // 100 is no leap year (2000 would be)
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });
});

describe('parseIsoDate', () => {
  it('normalises what a person types', () => {
    expect(parseIsoDate('2023-5-1')).toBe('2023-05-01');
    expect(parseIsoDate('  2023-05-31 ')).toBe('2023-05-31');
    expect(parseIsoDate('2024-2-29')).toBe('2024-02-29');
  });

  it.each(['2023-2-30', '2023-13-1', '2023-05-031', '05/31/2023', 'today', '', '2023-05-31x'])(
    'gives undefined for %j',
    (text) => expect(parseIsoDate(text)).toBeUndefined(),
  );
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2023-01-31', 1)).toBe('2023-02-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-05-10', 0)).toBe('2024-05-10');
  });

  it('counts whole days on the days clocks change (no local zone involved)', () => {
    // Spring forward and fall back in Europe and the US: still one calendar day each.
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-11-03', 1)).toBe('2024-11-04');
    expect(addDays('2024-03-10', -1)).toBe('2024-03-09');
  });

  it('throws a RangeError on a bad date, a fractional count, or a result out of range', () => {
    expect(() => addDays('2023-02-31', 1)).toThrow(RangeError);
    expect(() => addDays('2023-02-31', 1)).toThrow(/2023-02-31/);
    expect(() => addDays('2023-01-05', 0.5)).toThrow(RangeError);
    expect(() => addDays('2023-01-05', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts days from one date to another', () => {
    expect(daysBetween('2024-01-01', '2024-01-02')).toBe(1);
    expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0);
    expect(daysBetween('2024-01-02', '2024-01-01')).toBe(-1);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
  });

  it('is the inverse of addDays', () => {
    for (const n of [-800, -1, 0, 1, 59, 60, 365, 1461])
      expect(daysBetween('2020-02-29', addDays('2020-02-29', n))).toBe(n);
  });

  it('throws on a bad date', () => {
    expect(() => daysBetween('2024-01-01', '2024-02-30')).toThrow(RangeError);
  });
});

describe('eachDay', () => {
  it('lists every date, both ends included', () => {
    expect(eachDay('2024-02-27', '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(eachDay('2024-05-10', '2024-05-10')).toEqual(['2024-05-10']);
    expect(eachDay('2024-05-11', '2024-05-10')).toEqual([]);
    expect(eachDay('2024-01-01', '2024-12-31')).toHaveLength(366);
  });
});

describe('weekday and isoWeekday', () => {
  it('number the days of the week', () => {
    expect(weekday('2024-06-02')).toBe(0); // a Sunday
    expect(weekday('2024-06-03')).toBe(1);
    expect(weekday('2024-06-08')).toBe(6);
    expect(weekday('1970-01-01')).toBe(4); // a Thursday
    expect(weekday('2000-02-29')).toBe(2);
    expect(isoWeekday('2024-06-02')).toBe(7);
    expect(isoWeekday('2024-06-03')).toBe(1);
    expect(isoWeekday('2024-06-08')).toBe(6);
  });

  it('throws on a bad date', () => {
    expect(() => weekday('2024-06-31')).toThrow(RangeError);
  });
});

describe('utcDate and utcMidnightOf', () => {
  it('convert between dates and UTC midnights', () => {
    expect(utcMidnightOf('1970-01-02')).toBe(86_400_000);
    expect(utcDate(86_400_000)).toBe('1970-01-02');
    expect(utcDate(new Date('2024-06-02T23:59:59.999Z'))).toBe('2024-06-02');
    expect(utcDate(Date.parse('0099-07-01T00:00:00Z'))).toBe('0099-07-01');
    expect(() => utcDate(Number.NaN)).toThrow(RangeError);
    expect(() => utcMidnightOf('2024-6-2')).toThrow(RangeError);
  });
});
