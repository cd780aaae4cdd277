import { expect, it } from 'vitest';
import { parseRetention, toPruneCriteria } from './retention.js';

it('reads an age, a count of runs per job, or both', () => {
  expect(parseRetention('30d')).toEqual({ maxAgeMs: 30 * 86_400_000 });
  expect(parseRetention('100 runs')).toEqual({ keepRuns: 100 });
  expect(parseRetention('1run')).toEqual({ keepRuns: 1 });
  expect(parseRetention(' 12h , 20 runs ')).toEqual({ maxAgeMs: 12 * 3_600_000, keepRuns: 20 });
});

it('refuses what is not a retention', () => {
  for (const text of ['', 'forever', '0 runs', '30d, 10d', '5 runs, 6 runs', '30 days'])
    expect(parseRetention(text)).toBeUndefined();
});

it('turns a retention into a cutoff at a given time', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  expect(toPruneCriteria({ maxAgeMs: 86_400_000, keepRuns: 5 }, now)).toEqual({
    cutoff: new Date('2026-11-30T10:00:00Z'),
    keepRuns: 5,
  });
  expect(toPruneCriteria({ keepRuns: 5 }, now)).toEqual({ keepRuns: 5 });
});
