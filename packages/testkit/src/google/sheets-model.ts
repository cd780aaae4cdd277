/** In-memory spreadsheets: grids of cells with the operations the Sheets v4 endpoints need. */
import { type A1Range, formatA1, parseA1 } from './a1.js';
import type { Cell } from './sheets-cells.js';
import { isBlank } from './sheets-cells.js';
import { sheetsError } from './errors.js';

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number };
}

export interface SheetState {
  properties: SheetProperties;
  /** Sparse rows of sparse cells. */
  rows: (Cell | undefined)[][];
}

export interface SpreadsheetState {
  spreadsheetId: string;
  title: string;
  locale: string;
  timeZone: string;
  sheets: SheetState[];
  nextSheetId: number;
}

/** A bounded, resolved range on one sheet. */
export interface Bounds {
  sheet: SheetState;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function getCell(sheet: SheetState, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function setCell(sheet: SheetState, row: number, col: number, cell: Cell | undefined): void {
  if (isBlank(cell)) {
    const r = sheet.rows[row];
    if (r) r[col] = undefined;
    return;
  }
  const r = (sheet.rows[row] ??= []);
  r[col] = cell;
}

/** Rows/columns that hold anything (value, format or note), i.e. the data extent. */
export function dataExtent(sheet: SheetState): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((r, i) => {
    if (!r) return;
    r.forEach((cell, j) => {
      if (isBlank(cell)) return;
      rows = Math.max(rows, i + 1);
      cols = Math.max(cols, j + 1);
    });
  });
  return { rows, cols };
}

/** Grow the grid so that it has at least `rows` x `cols` (the values API does this on writes). */
export function growGrid(sheet: SheetState, rows: number, cols: number): void {
  const grid = sheet.properties.gridProperties;
  grid.rowCount = Math.max(grid.rowCount, rows);
  grid.columnCount = Math.max(grid.columnCount, cols);
}

/** Resolve an A1 range against a spreadsheet: open ends are bounded by the grid. */
export function resolveA1(book: SpreadsheetState, text: string): { a1: A1Range; bounds: Bounds } {
  const a1 = parseA1(
    text,
    book.sheets.map((s) => s.properties.title),
  );
  if (!a1) throw sheetsError(400, `Unable to parse range: ${text}`);
  const sheet =
    a1.sheet === undefined
      ? book.sheets[0]
      : book.sheets.find((s) => s.properties.title === a1.sheet);
  if (!sheet) throw sheetsError(400, `Unable to parse range: ${text}`);
  const grid = sheet.properties.gridProperties;
  const endRow = Math.min(a1.endRow ?? grid.rowCount, Math.max(grid.rowCount, a1.endRow ?? 0));
  const endCol = Math.min(
    a1.endCol ?? grid.columnCount,
    Math.max(grid.columnCount, a1.endCol ?? 0),
  );
  return { a1, bounds: { sheet, startRow: a1.startRow, endRow, startCol: a1.startCol, endCol } };
}

/** Bounds as Google prints them in responses, clipped to the grid. */
export function boundsA1(b: Bounds): string {
  const grid = b.sheet.properties.gridProperties;
  const endRow = Math.max(b.startRow + 1, Math.min(b.endRow, grid.rowCount));
  const endCol = Math.max(b.startCol + 1, Math.min(b.endCol, grid.columnCount));
  return formatA1(b.sheet.properties.title, b.startRow, endRow, b.startCol, endCol);
}

/** A `GridRange` of the batchUpdate API: indexes 0-based, ends exclusive, absent = unbounded. */
export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export function sheetById(
  book: SpreadsheetState,
  sheetId: number | undefined,
  where: string,
): SheetState {
  // proto3: an absent sheetId is 0, the id of a new spreadsheet's first sheet.
  const id = sheetId ?? 0;
  const sheet = book.sheets.find((s) => s.properties.sheetId === id);
  if (!sheet) throw sheetsError(400, `Invalid ${where}: No grid with id: ${id}`);
  return sheet;
}

/** Resolve a GridRange; cells beyond the grid are an error, as in Google. */
export function resolveGridRange(
  book: SpreadsheetState,
  range: GridRange | undefined,
  where: string,
): Bounds {
  const sheet = sheetById(book, range?.sheetId, where);
  const grid = sheet.properties.gridProperties;
  const b: Bounds = {
    sheet,
    startRow: range?.startRowIndex ?? 0,
    endRow: range?.endRowIndex ?? grid.rowCount,
    startCol: range?.startColumnIndex ?? 0,
    endCol: range?.endColumnIndex ?? grid.columnCount,
  };
  checkGrid(b, where);
  return b;
}

export function checkGrid(b: Bounds, where: string): void {
  const grid = b.sheet.properties.gridProperties;
  if (b.endRow > grid.rowCount || b.endCol > grid.columnCount) {
    const a1 = formatA1(
      b.sheet.properties.title,
      b.startRow,
      Math.max(b.endRow, b.startRow + 1),
      b.startCol,
      Math.max(b.endCol, b.startCol + 1),
    );
    throw sheetsError(
      400,
      `Invalid ${where}: Range (${a1}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  }
  if (b.startRow < 0 || b.startCol < 0 || b.endRow < b.startRow || b.endCol < b.startCol) {
    throw sheetsError(400, `Invalid ${where}: the range's start must not be after its end`);
  }
}

export function newSheet(
  book: SpreadsheetState,
  title: string,
  options: { sheetId?: number; rowCount?: number; columnCount?: number; index?: number } = {},
): SheetState {
  const sheetId = options.sheetId ?? (book.sheets.length === 0 ? 0 : book.nextSheetId++);
  const sheet: SheetState = {
    properties: {
      sheetId,
      title,
      index: 0,
      sheetType: 'GRID',
      gridProperties: {
        rowCount: options.rowCount ?? DEFAULT_ROWS,
        columnCount: options.columnCount ?? DEFAULT_COLUMNS,
      },
    },
    rows: [],
  };
  const at = Math.min(options.index ?? book.sheets.length, book.sheets.length);
  book.sheets.splice(at, 0, sheet);
  book.sheets.forEach((s, i) => (s.properties.index = i));
  return sheet;
}
