import { describe, expect, it } from 'vitest';
import { seededRandom } from './index.js';

const take = (random: () => number, n: number): number[] => Array.from({ length: n }, random);

describe('seededRandom', () => {
  it('is mulberry32: the sequences the fuzz tests and generated data were written against', () => {
    expect(take(seededRandom(1), 3)).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
    expect(take(seededRandom(42), 3)).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
    expect(take(seededRandom(0), 2)).toEqual([0.26642920868471265, 0.0003297457005828619]);
  });

  it('takes the seed modulo 2^32, as the copies it replaces did', () => {
    expect(take(seededRandom(-1), 5)).toEqual(take(seededRandom(2 ** 32 - 1), 5));
    expect(take(seededRandom(2 ** 32 + 7), 5)).toEqual(take(seededRandom(7), 5));
    expect(take(seededRandom(7.9), 5)).toEqual(take(seededRandom(7), 5));
  });

  it('repeats for one seed and differs between seeds', () => {
    expect(take(seededRandom(2024), 100)).toEqual(take(seededRandom(2024), 100));
    expect(take(seededRandom(2024), 10)).not.toEqual(take(seededRandom(2025), 10));
  });

  it('stays in [0, 1) and spreads over it', () => {
    const random = seededRandom(99);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]! += 1;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('refuses a seed that is not a finite number', () => {
    expect(() => seededRandom(Number.NaN)).toThrow(RangeError);
    expect(() => seededRandom(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
