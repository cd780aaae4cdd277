import { expect, it } from 'vitest';
import { checkSchedules, nextFire, nextMinute, toMinuteDigest } from './schedules.js';

it('reads schedules and reports every problem at once', () => {
  const { schedules, problems } = checkSchedules([
    { id: 'nightly', job: 'report', cron: '0 6 * * *', params: { month: 'current', n: 3 } },
    { id: 'nightly', job: 'report', cron: '0 7 * * *' },
    { id: 'bad id!', job: '', cron: '* * *' },
    'x',
  ]);
  expect(schedules).toEqual([
    { id: 'nightly', job: 'report', cron: '0 6 * * *', params: { month: 'current', n: '3' } },
  ]);
  expect(problems).toEqual([
    'schedules[1].id: "nightly" used twice',
    'schedules[2].id: missing or invalid',
    'schedules[2].job: missing',
    'schedules[2].cron: not five cron fields (minute hour day month weekday)',
    'schedules[3]: not an object',
  ]);
  expect(checkSchedules({}).problems).toEqual(['not a list of schedules']);
});

it('finds the next matching minute in UTC', () => {
  const at = new Date('2026-12-01T10:19:44.500Z');
  expect(nextMinute(at)).toEqual(new Date('2026-12-01T10:20:00Z'));
  expect(nextMinute(new Date('2026-12-01T10:20:00Z'))).toEqual(new Date('2026-12-01T10:21:00Z'));
  expect(toMinuteDigest(new Date('2026-12-06T23:59:00Z'))).toEqual({
    min: 59,
    hour: 23,
    date: 6,
    month: 12,
    dow: 0,
  });
  const sixAm = (d: { min: number; hour: number }) => d.min === 0 && d.hour === 6;
  expect(nextFire(sixAm, at)).toEqual(new Date('2026-12-02T06:00:00Z'));
  expect(nextFire(() => false, at, 2)).toBeUndefined();
});
