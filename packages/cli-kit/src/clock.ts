import { commonMessages } from '@toolbelt/errors';
import type { Env } from './env.js';

/** The current time, as the run sees it. Cores never call it: they get its value. */
export type Clock = () => Date;

/** The variable that sets the run's clock: `TOOLBELT_NOW=2023-01-05T14:07:00-08:00`. */
export const NOW_VARIABLE = 'TOOLBELT_NOW';

/** The clock of one run. */
export interface RunClock {
  /** The instant the run counts as started: `TOOLBELT_NOW` when set, else the system time. */
  readonly startedAt: Date;
  /**
   * Now: with `TOOLBELT_NOW`, `startedAt` plus the real time elapsed since the run started;
   * without, the system time (long-running servers follow the wall clock's adjustments).
   */
  readonly now: Clock;
  /** True when `TOOLBELT_NOW` set the clock. */
  readonly fixed: boolean;
}

/** What `createRunClock` reads; injectable for tests. */
export interface SystemTime {
  /** Wall-clock time (default `() => new Date()`). */
  wall?: () => Date;
  /** A monotonic millisecond counter (default `performance.now`). */
  monotonic?: () => number;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO 8601 instant with its offset (`2023-01-05T14:07:00-08:00`, `2023-01-05T22:07Z`), or
 * undefined for anything else: a time without an offset would mean a different instant on
 * every machine, and impossible dates (`2023-02-30`) are refused rather than rolled over.
 */
export function parseInstant(text: string): Date | undefined {
  const match = INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map<number>(Number);
  const day = new Date(Date.UTC(y as number, (mo as number) - 1, d));
  if (
    day.getUTCFullYear() !== y ||
    day.getUTCMonth() !== (mo as number) - 1 ||
    day.getUTCDate() !== d ||
    (h as number) > 23 ||
    (mi as number) > 59 ||
    (s !== undefined && !Number.isNaN(s) && s > 59)
  )
    return undefined;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * A run's clock starting at `at` and running on with the real elapsed time, so that durations
 * and the order of stamps stay true; without `at`, the system clock.
 */
export function createRunClock(at?: Date, system: SystemTime = {}): RunClock {
  const wall = system.wall ?? (() => new Date());
  if (at === undefined) return { startedAt: wall(), now: wall, fixed: false };
  const monotonic = system.monotonic ?? (() => performance.now());
  const startedAt = new Date(at.getTime());
  const origin = monotonic();
  return {
    startedAt,
    now: () => new Date(startedAt.getTime() + Math.max(0, Math.round(monotonic() - origin))),
    fixed: true,
  };
}

/**
 * The run's clock from the environment: `TOOLBELT_NOW` (process or `.env`) when set, else the
 * system time. A value that is not an instant with an offset is a CONFIG error (exit 78).
 */
export function readClock(env: Env, system: SystemTime = {}): RunClock {
  const raw = env[NOW_VARIABLE];
  if (raw === undefined || raw.trim() === '') return createRunClock(undefined, system);
  const at = parseInstant(raw);
  if (!at) {
    throw commonMessages.error('CONFIG', 'errors.nowInvalid', { name: NOW_VARIABLE, value: raw });
  }
  return createRunClock(at, system);
}
