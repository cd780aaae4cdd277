/**
 * A seeded source of numbers in [0, 1): the same seed gives the same sequence on every run
 * and platform, so fuzz cases and generated data are reproducible. The generator is
 * mulberry32 (32-bit state; the seed is taken modulo 2^32): small and fast, good enough to
 * pick test cases, not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number: ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
