import { describe, expect, it } from 'vitest';
import { createRng, shuffle } from './rng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(123);
    const b = createRng(123);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('separates nearby and large seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
    expect(createRng(2 ** 40).next()).not.toBe(createRng(2 ** 40 + 2 ** 32).next());
  });

  it('is roughly uniform', () => {
    const rng = createRng(7);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[rng.int(4)]!++;
    for (const b of buckets) expect(b).toBeGreaterThan(9_400);
  });

  it('shuffles into a permutation', () => {
    const out = shuffle(['a', 'b', 'c', 'd'], createRng(5));
    expect([...out].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
