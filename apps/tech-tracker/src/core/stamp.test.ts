import { describe, expect, it } from 'vitest';
import { checkSchoolYear } from './school-year.js';
import { isIsoDate, isTimeZone, localDate } from '@toolbelt/dates';
import { formatLastUpdated } from './stamp.js';

describe('stamps', () => {
  const now = new Date('2023-07-16T03:05:00Z');
  it('formats A2 in the time zone', () => {
    expect(formatLastUpdated(now, 'America/Los_Angeles')).toBe('LAST UPDATED: 07/15/23 @ 8:05 PM');
    expect(formatLastUpdated(now, 'Europe/Moscow')).toBe('LAST UPDATED: 07/16/23 @ 6:05 AM');
  });
  it('takes today in the time zone', () => {
    expect(localDate(now, 'America/Los_Angeles')).toBe('2023-07-15');
    expect(localDate(now, 'UTC')).toBe('2023-07-16');
  });
  it('validates zones and dates', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Mars/Base')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('checkSchoolYear', () => {
  it('accepts NN-NN with consecutive years', () => {
    expect(checkSchoolYear('23-24')).toEqual({ ok: true, schoolYear: '23-24' });
    expect(checkSchoolYear('99-00')).toEqual({ ok: true, schoolYear: '99-00' });
    expect(checkSchoolYear('2023-24')).toEqual({ ok: false, reason: 'format' });
    expect(checkSchoolYear('23-25')).toEqual({ ok: false, reason: 'sequence' });
  });
});
