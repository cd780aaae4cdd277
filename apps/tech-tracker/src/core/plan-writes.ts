import type { SheetCell } from './cell-text.js';
import type { TrackerDiff } from './diff-tracker.js';
import {
  TRACKER_FIRST_COLUMN,
  TRACKER_FIRST_DATA_ROW,
  TRACKER_HEADER_ROW,
  TRACKER_HEADERS,
} from './layout.js';
import { columnLetters } from '@toolbelt/google/a1';
import { toTrackerValues, type TrackerSheet } from './sheet-rows.js';

/** A cell as written: `null` leaves it empty. */
export type WriteCell = string | number | boolean | null;

/** A write the sync asks the sheet store for (a subset of the port's `SheetWrite`). */
export type PlannedWrite =
  | { kind: 'clear'; tab: string; range: string }
  | { kind: 'values'; tab: string; range: string; values: WriteCell[][] };

/**
 * The batch of one sync: A2 every run; the header row of a fresh tab; and, when the rows
 * changed (values or order), a clear of the old data block followed by every row from B5.
 */
export function planTrackerWrites(
  tab: string,
  sheet: TrackerSheet,
  diff: TrackerDiff,
  stamp: string,
): PlannedWrite[] {
  const writes: PlannedWrite[] = [{ kind: 'values', tab, range: 'A2', values: [[stamp]] }];
  if (sheet.fresh) {
    writes.push({
      kind: 'values',
      tab,
      range: `${columnLetters(TRACKER_FIRST_COLUMN)}${TRACKER_HEADER_ROW + 1}`,
      values: [[...TRACKER_HEADERS]],
    });
  }
  if (!diff.changed) return writes;
  const width = TRACKER_HEADERS.length + sheet.techWidth;
  const lastColumn = columnLetters(TRACKER_FIRST_COLUMN + width - 1);
  const firstRow = TRACKER_FIRST_DATA_ROW + 1;
  const lastRow = TRACKER_FIRST_DATA_ROW + Math.max(sheet.dataRowCount, diff.rows.length, 1);
  writes.push({ kind: 'clear', tab, range: `B${firstRow}:${lastColumn}${lastRow}` });
  if (diff.rows.length > 0) {
    writes.push({
      kind: 'values',
      tab,
      range: `B${firstRow}`,
      values: toTrackerValues(diff.rows, sheet.techWidth),
    });
  }
  return writes;
}

/** The batch that puts a backed-up tab back: clear what may have been written, then the old values from A1. */
export function planRestoreWrites(
  tab: string,
  backup: readonly (readonly SheetCell[])[],
  written: readonly PlannedWrite[],
): PlannedWrite[] {
  let rows = backup.length;
  let columns = backup.reduce((w, row) => Math.max(w, row.length), 1);
  for (const write of written) {
    if (write.kind !== 'values') continue;
    const m = /^([A-Z]+)(\d+)$/.exec(write.range);
    if (!m) continue;
    const startRow = Number(m[2]);
    const startColumn = (m[1] ?? 'A')
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    rows = Math.max(rows, startRow - 1 + write.values.length);
    columns = Math.max(
      columns,
      startColumn - 1 + write.values.reduce((w, row) => Math.max(w, row.length), 0),
    );
  }
  return [
    { kind: 'clear', tab, range: `A1:${columnLetters(columns - 1)}${Math.max(rows, 1)}` },
    {
      kind: 'values',
      tab,
      range: 'A1',
      values: backup.map((row) => row.map((cell) => (cell === undefined ? null : cell))),
    },
  ];
}
