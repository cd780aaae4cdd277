import type { ActivityRow } from './activity.js';
import type { DayWindow } from './dates.js';
import type { DayCounts } from './stats.js';

/** What one load of a day did. */
export interface LoadOutcome {
  /** Rows copied in. */
  loaded: number;
  /** Rows of an earlier load of the day that were replaced. */
  replaced: number;
  /** Whether the whole table was emptied first (`--reset`). */
  reset: boolean;
  /** The window's counts after the load, read in the same transaction. */
  counts: DayCounts;
}

/** Where a day's rows are kept (`lms_activities` in PostgreSQL or PGlite). */
export interface ActivityStore {
  /** `postgres` or `pglite` (the log). */
  readonly kind: string;
  /** Replace what the last load of `day` wrote with `rows` and count the window, atomically. */
  loadDay(
    day: string,
    window: DayWindow,
    rows: AsyncIterable<ActivityRow>,
    options: { reset: boolean; testMode: boolean },
  ): Promise<LoadOutcome>;
  close(): Promise<void>;
}
