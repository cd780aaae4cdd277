/** A seeded source of randomness, passed into the core so a rota can be reproduced. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/**
 * sfc32 seeded through splitmix32: small, fast, and good enough statistically for
 * shuffling names; the same seed gives the same sequence on every platform.
 */
export function createRng(seed: number): Rng {
  let s = Math.trunc(seed) >>> 0;
  const hi = Math.trunc(seed / 2 ** 32) >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s ^ hi;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up rounds so that nearby seeds diverge immediately.
  for (let i = 0; i < 12; i++) next32();
  const next = (): number => next32() / 2 ** 32;
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
  };
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
