import { describe, expect, it } from 'vitest';
import { weekdayName, workingDays } from './working-days.js';

describe('working days', () => {
  it('names weekdays as the days-worked report does', () => {
    expect(weekdayName('2025-01-06')).toBe('Monday');
    expect(weekdayName('2025-01-12')).toBe('Sunday');
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

  it('crosses months and years', () => {
    expect(workingDays('2024-12-31', 2)).toEqual(['2024-12-31', '2025-01-01']);
  });
});
