import { describe, expect, it } from 'vitest';
import { computeStats, roundPython } from './stats.js';

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
