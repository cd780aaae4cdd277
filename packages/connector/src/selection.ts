import type { Selection } from './codes.js';
import { messages } from './i18n/index.js';

/** A job's start/end selection, as stored. */
export interface SelectionSpec {
  startSelection?: Selection | null;
  startValue?: string | null;
  endSelection?: Selection | null;
  endValue?: string | null;
  /** Hours from UTC of the job's time zone (e.g. -5). */
  timezoneOffset?: number | null;
}

/** A half-open time window [start, end); a missing bound is open. */
export interface TimeWindow {
  start?: Date;
  end?: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Midnight of `now`'s day in the job's time zone, as a UTC instant. */
function startOfLocalDay(now: Date, offsetHours: number): number {
  const local = now.getTime() + offsetHours * HOUR;
  return Math.floor(local / DAY) * DAY - offsetHours * HOUR;
}

function bound(
  selection: Selection | null | undefined,
  value: string | null | undefined,
  now: Date,
  offset: number,
): Date | undefined {
  if (!selection) return undefined;
  if (selection === 'Today') return new Date(startOfLocalDay(now, offset));
  if (selection === 'Yesterday') return new Date(startOfLocalDay(now, offset) - DAY);
  if (!value) return undefined;
  // A bare date is a day in the job's time zone; a full timestamp is taken as written.
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(bare ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw messages.error('CONFIG', 'errors.notADate', { value });
  return bare ? new Date(date.getTime() - offset * HOUR) : date;
}

/**
 * The window a job's filter column must fall in. Start `Today`/`Yesterday` is that day's
 * midnight in the job's zone; end `Today` means up to the start of tomorrow (all of today),
 * end `Yesterday` up to today's midnight.
 */
export function computeSelectionWindow(spec: SelectionSpec, now: Date): TimeWindow {
  const offset = spec.timezoneOffset ?? 0;
  const start = bound(spec.startSelection, spec.startValue, now, offset);
  let end = bound(spec.endSelection, spec.endValue, now, offset);
  if (end && spec.endSelection !== 'Custom') end = new Date(end.getTime() + DAY);
  return { start, end };
}

/** True when `value` (a date or date string) lies in the window; unparseable values do not. */
export function isInWindow(value: unknown, window: TimeWindow): boolean {
  if (!window.start && !window.end) return true;
  const date = value instanceof Date ? value : new Date(String(value));
  const t = date.getTime();
  if (Number.isNaN(t)) return false;
  return (
    (!window.start || t >= window.start.getTime()) && (!window.end || t < window.end.getTime())
  );
}
