import { expect, it } from 'vitest';
import { formatElapsed, runElapsedMs } from './elapsed.js';

const units = { h: 'h', min: 'min', s: 's' };

it('reads like a person would say it at every scale', () => {
  expect(formatElapsed(0, units)).toBe('0.0 s');
  expect(formatElapsed(437, units)).toBe('0.4 s');
  expect(formatElapsed(9_999, units)).toBe('9.9 s');
  expect(formatElapsed(12_300, units)).toBe('12 s');
  expect(formatElapsed(185_000, units)).toBe('3 min 05 s');
  expect(formatElapsed(7_380_000, units)).toBe('2 h 03 min');
  expect(formatElapsed(-5, { h: 'ч', min: 'мин', s: 'с' })).toBe('0.0 с');
});

it('measures a finished run to its end and a running one to now', () => {
  const startedAt = new Date('2026-12-01T10:00:00Z');
  const now = new Date('2026-12-01T10:00:30Z');
  expect(runElapsedMs({ startedAt, finishedAt: new Date('2026-12-01T10:00:02Z') }, now)).toBe(2000);
  expect(runElapsedMs({ startedAt, finishedAt: null }, now)).toBe(30_000);
  expect(runElapsedMs({ startedAt: null, finishedAt: null }, now)).toBeUndefined();
});
