import { expect, it } from 'vitest';
import { toLocalDateTime } from './local-time.js';

it('writes the wall-clock time of the zone asked for', () => {
  const at = new Date('2026-12-01T09:47:32.500Z');
  expect(toLocalDateTime(at, 'UTC')).toBe('2026-12-01 09:47:32');
  expect(toLocalDateTime(at, 'Europe/Moscow')).toBe('2026-12-01 12:47:32');
  expect(toLocalDateTime(new Date('2026-07-01T00:05:00Z'), 'America/New_York')).toBe(
    '2026-06-30 20:05:00',
  );
});
