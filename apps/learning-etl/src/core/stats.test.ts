import { describe, expect, it } from 'vitest';
import type { ActivityRow } from './activity.js';
import { dayWindow } from './dates.js';
import { computeStats, createDayCounter, roundPython } from './stats.js';

describe('roundPython (half to even, as Python round)', () => {
  it('rounds the spec examples', () => {
    expect(roundPython(5 / 2)).toBe(2);
    expect(roundPython(7 / 2)).toBe(4);
    expect(roundPython(1 / 8, 1)).toBe(0.1);
  });

  it('matches Python on values whose binary form is not the decimal one', () => {
    expect(roundPython(0.25, 1)).toBe(0.2); // exact half -> even
    expect(roundPython(0.35, 1)).toBe(0.3); // 0.34999... in binary
    expect(roundPython(2.675, 2)).toBe(2.67);
    expect(roundPython(0.5)).toBe(0);
    expect(roundPython(1.5)).toBe(2);
    expect(roundPython(-2.5)).toBe(-2);
    expect(roundPython(3 / 7, 1)).toBe(0.4);
    expect(roundPython(123456789.5)).toBe(123456790);
  });
});

describe('computeStats', () => {
  it('computes the day figures', () => {
    expect(computeStats({ users: 2, runs: 9, submits: 5, successes: 1 })).toEqual({
      kind: 'ok',
      stats: {
        users: 2,
        runs: 9,
        submits: 5,
        successes: 1,
        ratio: 0.2,
        avgSubmits: 2,
        avgSuccesses: 0,
      },
    });
    const outcome = computeStats({ users: 2, runs: 0, submits: 7, successes: 5 });
    expect(
      outcome.kind === 'ok' && [
        outcome.stats.avgSubmits,
        outcome.stats.ratio,
        outcome.stats.avgSuccesses,
      ],
    ).toEqual([4, 0.7, 2]);
    const eighth = computeStats({ users: 8, runs: 0, submits: 8, successes: 1 });
    expect(eighth.kind === 'ok' && eighth.stats.ratio).toBe(0.1);
  });

  it('reports empty days instead of dividing by zero', () => {
    expect(computeStats({ users: 0, runs: 0, submits: 0, successes: 0 })).toMatchObject({
      kind: 'empty',
      reason: 'noUsers',
    });
    expect(computeStats({ users: 3, runs: 4, submits: 0, successes: 0 })).toMatchObject({
      kind: 'empty',
      reason: 'noSubmits',
    });
  });
});

describe('createDayCounter (the dry run counts as the database does)', () => {
  const row = (
    user: string,
    createdAt: string | null,
    attempt: string | null,
    correct: boolean | null,
  ): ActivityRow => [user.repeat(32), createdAt, '', 's', 'u', correct, attempt];

  it('counts the rows of the window: users distinct, runs, submits, correct submits', () => {
    const counter = createDayCounter(dayWindow('2023-05-31', false));
    for (const r of [
      row('a', '2023-05-31 00:00:00', 'submit', true),
      row('a', '2023-05-31T12:00:00', 'submit', false),
      row('b', '2023-05-31 23:59:59.999999', 'run', null),
      row('c', '2023-05-31 08:00:00', null, null),
      row('d', '2023-06-01 00:00:00', 'submit', true),
      row('e', '2023-05-30 23:59:59', 'run', null),
      row('f', null, 'submit', true),
    ])
      counter.add(r);
    expect(counter.counts()).toEqual({ users: 3, runs: 1, submits: 2, successes: 1 });
  });

  it('in test mode, the first hour only', () => {
    const counter = createDayCounter(dayWindow('2023-05-31', true));
    counter.add(row('a', '2023-05-31 00:59:59.999999', 'submit', true));
    counter.add(row('b', '2023-05-31 01:00:00', 'submit', true));
    expect(counter.counts()).toEqual({ users: 1, runs: 0, submits: 1, successes: 1 });
  });
});
