import { expect, it } from 'vitest';
import { startMinuteScheduler } from './minute-scheduler.js';

/** A clock that the scheduler's own waits move forward, so minutes pass at once. */
function fakeClock(start: string, drift = 0) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    wait: async (ms: number) => {
      await Promise.resolve();
      now += Math.max(0, ms) + drift;
    },
    advance: (ms: number) => (now += ms),
  };
}

it('fires each matching schedule exactly once per minute, at the minute', async () => {
  const clock = fakeClock('2026-12-01T10:00:30Z', 7);
  const fired: string[] = [];
  const every = { id: 'every', matches: () => true };
  const even = { id: 'even', matches: (d: { min: number }) => d.min % 2 === 0 };
  let stop: (() => Promise<void>) | undefined;
  const done = new Promise<void>((resolve) => {
    const scheduler = startMinuteScheduler({
      schedules: [every, even],
      now: clock.now,
      wait: clock.wait,
      fire: (schedule, at) => {
        fired.push(`${schedule.id} ${at.toISOString().slice(11, 16)}`);
        if (fired.length >= 8) resolve();
        return Promise.resolve();
      },
      report: () => {},
    });
    stop = () => scheduler.stop();
  });
  await done;
  await stop!();
  // Nothing twice, however far it got before the stop.
  expect(new Set(fired).size).toBe(fired.length);
  expect(fired.slice(0, 8)).toEqual([
    'every 10:01',
    'every 10:02',
    'even 10:02',
    'every 10:03',
    'every 10:04',
    'even 10:04',
    'every 10:05',
    'every 10:06',
  ]);
});

it('skips the minutes it slept through, and keeps going after a failed start', async () => {
  const clock = fakeClock('2026-12-01T10:00:59Z');
  const fired: string[] = [];
  const errors: string[] = [];
  let calls = 0;
  let stop: (() => Promise<void>) | undefined;
  const done = new Promise<void>((resolve) => {
    stop = startMinuteScheduler({
      schedules: [{ id: 's', matches: () => true }],
      now: clock.now,
      wait: clock.wait,
      fire: (_s, at) => {
        calls++;
        fired.push(at.toISOString().slice(11, 16));
        if (calls === 1) {
          clock.advance(3 * 60_000 + 5_000); // a run start that took over three minutes
          return Promise.reject(new Error('database busy'));
        }
        if (calls === 3) resolve();
        return Promise.resolve();
      },
      report: (_s, error) => errors.push((error as Error).message),
    }).stop;
  });
  await done;
  await stop!();
  expect(fired.slice(0, 3)).toEqual(['10:01', '10:05', '10:06']);
  expect(errors).toEqual(['database busy']);
});
