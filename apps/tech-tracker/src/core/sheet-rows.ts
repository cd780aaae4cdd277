import { toIsoDate, toText, type SheetCell } from './cell-text.js';
import type { MotRecord, TechCell, TrackerRow } from './diff-tracker.js';
import {
  COL,
  DATE_COLUMNS,
  MOT_HEADER_ROWS,
  SHARED_FIELDS,
  TRACKER_FIRST_COLUMN,
  TRACKER_FIRST_DATA_ROW,
  TRACKER_HEADER_ROW,
  TRACKER_HEADERS,
  type SharedField,
} from './layout.js';
import { columnLetters } from '@toolbelt/google/a1';

/** The MOT tab as the core needs it. */
export interface MotSheet {
  records: MotRecord[];
  /** Ids whose cell is struck through (HR's mark of a rescinded offer). */
  rescindedIds: string[];
}

function cellText(cell: SheetCell, dateColumn: boolean): string {
  return dateColumn ? toIsoDate(cell) : toText(cell);
}

/**
 * MOT tab values (from A1) and the strikethrough flags of its id column -> records. Rows 1-2
 * are headers; rows whose mapped cells are all blank are skipped.
 */
export function toMotSheet(
  values: readonly (readonly SheetCell[])[],
  struck: readonly boolean[] | undefined,
  columns: Readonly<Record<SharedField, number>>,
): MotSheet {
  const indexes = SHARED_FIELDS.map((field) => columns[field]);
  const records: MotRecord[] = [];
  const rescindedIds: string[] = [];
  for (let r = MOT_HEADER_ROWS; r < values.length; r++) {
    const row = values[r] ?? [];
    const record = indexes.map((c, i) => cellText(row[c], i === COL.startDate));
    if (record.every((v) => v === '')) continue;
    records.push({ values: record });
    const id = record[COL.id] ?? '';
    if (id !== '' && struck?.[r]) rescindedIds.push(id);
  }
  return { records, rescindedIds };
}

/** Ids of the Cleared tab (column B from row 2, read as `B2:B`). */
export function toClearedIds(values: readonly (readonly SheetCell[])[]): string[] {
  return values.map((row) => toText(row[0])).filter((id) => id !== '');
}

/** A layout problem of the tracker tab, as data. */
export type LayoutProblem =
  | { kind: 'header'; column: string; expected: string; found: string }
  | { kind: 'noHeader'; rows: number };

/** The tracker tab as the core needs it. */
export interface TrackerSheet {
  rows: TrackerRow[];
  /** Number of tech-owned columns right of S (widest row or header). */
  techWidth: number;
  /** Rows the tab holds from row 5 (blank rows included): the range a rewrite must cover. */
  dataRowCount: number;
  /** Width of the tab in columns from A (for backups and clears). */
  width: number;
  /** True when row 4 was blank on an empty tab: the sync writes the headers. */
  fresh: boolean;
}

const normalizeHeader = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const SHARED_WIDTH = TRACKER_HEADERS.length;

/**
 * Tracker tab values (from A1) -> rows, checking the headers of B4:S4. Fully blank rows are
 * dropped; tech cells right of S are kept with their row.
 */
export function toTrackerSheet(
  values: readonly (readonly SheetCell[])[],
): { ok: true; sheet: TrackerSheet } | { ok: false; problems: LayoutProblem[] } {
  const header = values[TRACKER_HEADER_ROW] ?? [];
  const headerCells = TRACKER_HEADERS.map((_, i) => toText(header[TRACKER_FIRST_COLUMN + i]));
  const dataRowCount = Math.max(0, values.length - TRACKER_FIRST_DATA_ROW);
  const width = values.reduce(
    (w, row) => Math.max(w, row.length),
    TRACKER_FIRST_COLUMN + SHARED_WIDTH,
  );
  const techStart = TRACKER_FIRST_COLUMN + SHARED_WIDTH;
  const hasData = values
    .slice(TRACKER_FIRST_DATA_ROW)
    .some((row) => row.some((c) => toText(c) !== ''));
  if (headerCells.every((h) => h === '')) {
    if (hasData) return { ok: false, problems: [{ kind: 'noHeader', rows: dataRowCount }] };
    return {
      ok: true,
      sheet: {
        rows: [],
        techWidth: Math.max(0, width - techStart),
        dataRowCount,
        width,
        fresh: true,
      },
    };
  }
  const problems: LayoutProblem[] = [];
  TRACKER_HEADERS.forEach((expected, i) => {
    const found = headerCells[i] ?? '';
    if (normalizeHeader(found) !== normalizeHeader(expected)) {
      problems.push({
        kind: 'header',
        column: `${columnLetters(TRACKER_FIRST_COLUMN + i)}${TRACKER_HEADER_ROW + 1}`,
        expected,
        found,
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const rows: TrackerRow[] = [];
  for (let r = TRACKER_FIRST_DATA_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    const cells = TRACKER_HEADERS.map((_, i) =>
      cellText(row[TRACKER_FIRST_COLUMN + i], DATE_COLUMNS.has(i)),
    );
    const tech: TechCell[] = row.slice(techStart).map((c) => (c === undefined ? null : c));
    while (tech.length > 0 && (tech[tech.length - 1] === null || tech[tech.length - 1] === ''))
      tech.pop();
    if (tech.length === 0 && cells.every((c) => c === '')) continue;
    rows.push({ cells, tech });
  }
  return {
    ok: true,
    sheet: { rows, techWidth: Math.max(0, width - techStart), dataRowCount, width, fresh: false },
  };
}

/** Rows -> the cell grid written from B5: B..S then the tech cells, padded to `techWidth`. */
export function toTrackerValues(
  rows: readonly TrackerRow[],
  techWidth: number,
): (string | TechCell)[][] {
  return rows.map((row) => {
    const out: (string | TechCell)[] = [...row.cells];
    for (let i = 0; i < techWidth; i++) out.push(row.tech[i] ?? null);
    return out;
  });
}
