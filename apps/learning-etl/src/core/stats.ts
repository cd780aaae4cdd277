import type { ActivityRow } from './activity.js';
import { inDayWindow, type DayWindow } from './dates.js';

/** Counts of one day's rows in `lms_activities`, as the database returns them. */
export interface DayCounts {
  users: number;
  runs: number;
  submits: number;
  successes: number;
}

/**
 * Counts a day's rows as the database does (`countDay` in the activities table): the rows
 * whose `created_at` is in the window; users distinct, runs, submits, correct submits. The
 * dry run's figures; both go through {@link computeStats}.
 */
export function createDayCounter(window: DayWindow): {
  add(row: ActivityRow): void;
  counts(): DayCounts;
} {
  const users = new Set<string>();
  let runs = 0;
  let submits = 0;
  let successes = 0;
  return {
    add(row) {
      const [userId, createdAt, , , , isCorrect, attemptType] = row;
      if (createdAt === null || !inDayWindow(createdAt, window)) return;
      users.add(userId);
      if (attemptType === 'run') runs++;
      else if (attemptType === 'submit') {
        submits++;
        if (isCorrect === true) successes++;
      }
    },
    counts: () => ({ users: users.size, runs, submits, successes }),
  };
}

/** The day's statistics as the report shows them. */
export interface DayStats extends DayCounts {
  /** round(successes / submits, 1): a fraction, shown as a percent. */
  ratio: number;
  /** round(submits / users). */
  avgSubmits: number;
  /** round(successes / users). */
  avgSuccesses: number;
}

/** Stats, or why there are none (the report is then not updated, the e-mail says so). */
export type StatsOutcome =
  | { kind: 'ok'; stats: DayStats }
  | { kind: 'empty'; reason: 'noUsers' | 'noSubmits'; counts: DayCounts };

/** Statistics for a day; zero users or zero submits give `empty`, never a division by zero. */
export function computeStats(counts: DayCounts): StatsOutcome {
  if (counts.users === 0) return { kind: 'empty', reason: 'noUsers', counts };
  if (counts.submits === 0) return { kind: 'empty', reason: 'noSubmits', counts };
  return {
    kind: 'ok',
    stats: {
      ...counts,
      ratio: roundPython(counts.successes / counts.submits, 1),
      avgSubmits: roundPython(counts.submits / counts.users, 0),
      avgSuccesses: roundPython(counts.successes / counts.users, 0),
    },
  };
}

/**
 * Python 3's `round(x, ndigits)`: half-to-even on the exact binary value of the double
 * (so round(2.5) is 2, round(3.5) is 4, and round(0.35, 1) is 0.3 because 0.35 is stored as
 * 0.34999...). Exact BigInt arithmetic, no float tricks.
 */
export function roundPython(x: number, ndigits = 0): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (!Number.isInteger(ndigits) || ndigits < 0 || ndigits > 22)
    throw new RangeError(`ndigits must be 0..22, got ${ndigits}`);
  const { mantissa, exponent } = decompose(Math.abs(x));
  const scale = 10n ** BigInt(ndigits);
  let rounded: bigint;
  if (exponent >= 0) {
    rounded = mantissa * 2n ** BigInt(exponent) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 2n ** BigInt(-exponent);
    const quotient = numerator / denominator;
    const twiceRest = (numerator - quotient * denominator) * 2n;
    rounded =
      twiceRest > denominator || (twiceRest === denominator && quotient % 2n === 1n)
        ? quotient + 1n
        : quotient;
  }
  // Division of two exact integers is correctly rounded, like Python's result.
  const value = Number(rounded) / Number(scale);
  return x < 0 ? -value : value;
}

/** x = mantissa * 2^exponent exactly, for a finite positive double. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
