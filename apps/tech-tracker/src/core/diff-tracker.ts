import type { ToolbeltError } from '@toolbelt/errors';
import { messages } from '../i18n/index.js';
import { COL, KEY_FIELDS, NOT_RESCINDED, SHARED_FIELDS, type SharedField } from './layout.js';

/** A tech-owned cell right of column S, carried as read. */
export type TechCell = string | number | boolean | null;

/** One MOT data row: the 13 shared fields as trimmed text, in `SHARED_FIELDS` order (id first). */
export interface MotRecord {
  readonly values: readonly string[];
}

/** One tracker data row. */
export interface TrackerRow {
  /** Columns B..S as trimmed text: the 13 shared fields, Rescinded, Date Added, the two stamps, Main Last Updated. */
  readonly cells: readonly string[];
  /** The Tech team's cells right of S; they travel with the row through updates and sorts. */
  readonly tech: readonly TechCell[];
}

/** One thing the sync changes, for the dry-run table, the summary and the notification. */
export type TrackerChange =
  | { kind: 'append'; id: string; values: readonly string[] }
  | { kind: 'update'; id: string; field: SharedField; from: string; to: string; key: boolean }
  | { kind: 'rescind'; id: string; stamp: string };

/** Counts shown in the summary. */
export interface DiffCounts {
  /** New hires appended. */
  appended: number;
  /** Existing rows with at least one shared field changed. */
  updated: number;
  /** Existing rows whose Start Date or Pay Location changed (stamped today). */
  keyChanges: number;
  /** Rows newly marked `Yes - YYYY-MM-DD`. */
  rescinded: number;
  /** Existing rows neither updated nor rescinded. */
  unchanged: number;
  /** Tracker rows whose id is not in the MOT (kept as they are). */
  notInMot: number;
}

/** What `diffTracker` returns: the whole new tracker and what changed. */
export interface TrackerDiff {
  /** Every data row of the new tracker, sorted by Main Last Updated, newest first. */
  rows: TrackerRow[];
  changes: TrackerChange[];
  counts: DiffCounts;
  /** False when `rows` equals the input rows, values and order: nothing but A2 to write. */
  changed: boolean;
}

/** Ids that occur more than once (blank ids ignored), in order of first repeat. */
export function findDuplicateIds(ids: Iterable<string>): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const raw of ids) {
    const id = raw.trim();
    if (id === '') continue;
    if (seen.has(id)) duplicates.add(id);
    else seen.add(id);
  }
  return [...duplicates];
}

function duplicateError(where: 'mot' | 'tracker', ids: string[]): ToolbeltError {
  const key = where === 'mot' ? 'errors.duplicateMot' : 'errors.duplicateTracker';
  return messages.error('DATA', key, { ids: ids.join(', ') });
}

/** The later of two `YYYY-MM-DD` strings (blank is earliest). */
function latest(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * The sync, as a pure function (spec "Algorithm", steps 2-8):
 * - MOT rows with a blank id and ids listed in `cleared` are dropped;
 * - tracker rows found in the MOT get the 13 shared fields from it; a changed Start Date or
 *   Pay Location stamps its `- Last Updated` column with `today`; other fields change
 *   without stamps;
 * - every row's Main Last Updated is recomputed as the later of its two stamps (rows not in
 *   the MOT too: the column is derived, never hand-kept);
 * - tracker rows missing from the MOT are kept untouched;
 * - new MOT ids are appended with Rescinded `--` and every date column set to `today`;
 * - a row whose id is in `rescindedIds` and whose Rescinded is still `--` becomes
 *   `Yes - {today}` (once; Main Last Updated is not touched);
 * - rows are sorted by Main Last Updated, newest first, stable for ties.
 * Duplicate ids in the MOT or the tracker throw a DATA error naming them.
 */
export function diffTracker(
  mot: readonly MotRecord[],
  cleared: Iterable<string>,
  rescindedIds: Iterable<string>,
  tracker: readonly TrackerRow[],
  today: string,
): TrackerDiff {
  const clearedIds = new Set<string>();
  for (const id of cleared) clearedIds.add(id.trim());
  const struck = new Set<string>();
  for (const id of rescindedIds) struck.add(id.trim());

  // Step 3: the MOT rows by id, in MOT order; blank ids dropped (Cleared ids are skipped on use,
  // after the duplicate check, which covers every MOT id).
  const motById = new Map<string, readonly string[]>();
  const motDuplicates = new Set<string>();
  for (const record of mot) {
    const id = record.values[COL.id] ?? '';
    if (id === '') continue;
    // One hash operation per id: a set that does not grow the map met a duplicate.
    const size = motById.size;
    motById.set(id, record.values);
    if (motById.size === size) motDuplicates.add(id);
  }
  if (motDuplicates.size > 0) throw duplicateError('mot', [...motDuplicates]);

  const changes: TrackerChange[] = [];
  const counts: DiffCounts = {
    appended: 0,
    updated: 0,
    keyChanges: 0,
    rescinded: 0,
    unchanged: 0,
    notInMot: 0,
  };
  const rows: TrackerRow[] = [];
  const inTracker = new Set<string>();
  const trackerDuplicates = new Set<string>();

  // Steps 4, 5 and 7 for the rows already in the tracker.
  for (const row of tracker) {
    const id = row.cells[COL.id] ?? '';
    if (id !== '') {
      const size = inTracker.size;
      inTracker.add(id);
      if (inTracker.size === size) trackerDuplicates.add(id);
    }
    const source = id === '' || clearedIds.has(id) ? undefined : motById.get(id);
    let cells: string[] | undefined;
    if (source === undefined) {
      counts.notInMot++;
    } else {
      let keyChanged = false;
      for (let i = 0; i < SHARED_FIELDS.length; i++) {
        const from = row.cells[i] ?? '';
        const to = source[i] ?? '';
        if (from === to) continue;
        cells ??= [...row.cells];
        cells[i] = to;
        const key = i === COL.startDate || i === COL.payLocation;
        if (key) keyChanged = true;
        changes.push({ kind: 'update', id, field: SHARED_FIELDS[i] as SharedField, from, to, key });
      }
      if (cells) {
        counts.updated++;
        if (keyChanged) {
          counts.keyChanges++;
          for (const k of KEY_FIELDS)
            if (cells[k.index] !== row.cells[k.index]) cells[k.stamp] = today;
        }
      }
    }
    const rescind = id !== '' && struck.has(id) && row.cells[COL.rescinded] === NOT_RESCINDED;
    if (rescind) {
      cells ??= [...row.cells];
      const stamp = `Yes - ${today}`;
      cells[COL.rescinded] = stamp;
      counts.rescinded++;
      changes.push({ kind: 'rescind', id, stamp });
    }
    // Counted by the MOT's changes: a recomputed Main Last Updated alone leaves a row "unchanged".
    if (!cells) counts.unchanged++;
    // Every row, every sync, as the original: Main Last Updated "always reflects the most
    // recent change to key pieces of data", so a hand-edited value does not survive.
    const current = cells ?? row.cells;
    const main = latest(current[COL.startDateUpdated] ?? '', current[COL.payLocationUpdated] ?? '');
    if ((current[COL.mainLastUpdated] ?? '') !== main) {
      cells ??= [...row.cells];
      cells[COL.mainLastUpdated] = main;
    }
    rows.push(cells ? { cells, tech: row.tech } : row);
  }

  if (trackerDuplicates.size > 0) throw duplicateError('tracker', [...trackerDuplicates]);

  // Step 6 (and 7 for new rows): append MOT ids the tracker does not have, in MOT order.
  for (const [id, values] of motById) {
    if (inTracker.has(id) || clearedIds.has(id)) continue;
    const cells = SHARED_FIELDS.map((_, i) => values[i] ?? '');
    cells.push(NOT_RESCINDED, today, today, today, today);
    changes.push({ kind: 'append', id, values });
    counts.appended++;
    if (struck.has(id)) {
      const stamp = `Yes - ${today}`;
      cells[COL.rescinded] = stamp;
      counts.rescinded++;
      changes.push({ kind: 'rescind', id, stamp });
    }
    rows.push({ cells, tech: [] });
  }

  // Step 8: newest first, stable. Dates take few distinct values, so bucket the rows by date
  // (keeping their order) and join the buckets newest first: linear, and stable by design.
  const buckets = new Map<string, TrackerRow[]>();
  for (const row of rows) {
    const key = row.cells[COL.mainLastUpdated] ?? '';
    const bucket = buckets.get(key);
    if (bucket) bucket.push(row);
    else buckets.set(key, [row]);
  }
  const sorted: TrackerRow[] = [];
  for (const key of [...buckets.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))) {
    for (const row of buckets.get(key) as TrackerRow[]) sorted.push(row);
  }
  const changed = sorted.length !== tracker.length || sorted.some((row, i) => row !== tracker[i]);
  return { rows: sorted, changes, counts, changed };
}
