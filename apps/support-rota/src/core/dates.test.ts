import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, isoWeekday, workingDays } from './dates.js';

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('6/1/2025')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('numbers weekdays Monday = 1', () => {
    expect(isoWeekday('2025-01-06')).toBe(1);
    expect(isoWeekday('2025-01-12')).toBe(7);
  });

  it('skips weekends and holidays, starting from a weekend start date', () => {
    expect(workingDays('2025-12-20', 5, new Set(['2025-12-25', '2025-12-26']))).toEqual([
      '2025-12-22',
      '2025-12-23',
      '2025-12-24',
      '2025-12-29',
      '2025-12-30',
    ]);
  });
});
