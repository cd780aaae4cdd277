/**
 * A1 notation as Google Sheets parses it: `Sheet1`, `'My ''quoted'' tab'!B5:S`, `A:C`, `2:4`,
 * `A1`. Indexes are 0-based; `end*` is exclusive and `undefined` means "to the grid's end".
 *
 * This is the stand-in's own reading of A1, on purpose not `@toolbelt/google`'s
 * `columnLetters` / `columnIndex`: a stand-in that shared the client's code would agree with
 * the client's bugs, and `@toolbelt/google` tests against this package (a dependency back
 * would be a cycle).
 */
export interface A1Range {
  /** Sheet title, or undefined when the range names no sheet (= the first sheet). */
  sheet: string | undefined;
  startRow: number;
  endRow: number | undefined;
  startCol: number;
  endCol: number | undefined;
}

/** Column letters to a 0-based index: `A` -> 0, `AA` -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based index to column letters: 0 -> `A`, 26 -> `AA`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CELL = /^([A-Za-z]{1,3})?(\d+)?$/;

interface Corner {
  row: number | undefined;
  col: number | undefined;
}

function parseCorner(text: string): Corner | undefined {
  const m = CELL.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined) || text === '') return undefined;
  const row = m[2] === undefined ? undefined : Number(m[2]) - 1;
  if (row !== undefined && row < 0) return undefined;
  return { col: m[1] === undefined ? undefined : columnIndex(m[1]), row };
}

/** Split `'It''s'!A1:B2` into the sheet title and the cell part. */
function splitSheet(text: string): { sheet: string | undefined; cells: string | undefined } {
  if (text.startsWith("'")) {
    let i = 1;
    let title = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          title += "'";
          i += 2;
          continue;
        }
        break;
      }
      title += ch;
      i += 1;
    }
    if (i >= text.length) throw new Error('unterminated quote');
    const rest = text.slice(i + 1);
    if (rest === '') return { sheet: title, cells: undefined };
    if (!rest.startsWith('!')) throw new Error('text after quoted sheet name');
    return { sheet: title, cells: rest.slice(1) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheet: text.slice(0, bang), cells: text.slice(bang + 1) };
  return { sheet: undefined, cells: text };
}

/**
 * Parse an A1 range. `knownSheets` decides, as Google does, whether a bare word is a sheet title
 * (`Summary`) or a cell reference (`A1`). Returns undefined when Google would answer
 * "Unable to parse range".
 */
export function parseA1(text: string, knownSheets: readonly string[]): A1Range | undefined {
  let parts: { sheet: string | undefined; cells: string | undefined };
  try {
    parts = splitSheet(text.trim());
  } catch {
    return undefined;
  }
  if (parts.sheet === undefined && parts.cells !== undefined && knownSheets.includes(parts.cells)) {
    parts = { sheet: parts.cells, cells: undefined };
  }
  if (parts.sheet !== undefined && !knownSheets.includes(parts.sheet)) return undefined;
  if (parts.cells === undefined || parts.cells === '') {
    if (parts.sheet === undefined) return undefined;
    return { sheet: parts.sheet, startRow: 0, endRow: undefined, startCol: 0, endCol: undefined };
  }
  const [a, b, extra] = parts.cells.split(':');
  if (extra !== undefined || a === undefined) return undefined;
  const first = parseCorner(a);
  if (!first) return undefined;
  if (b === undefined) {
    // A single reference: `A1` is one cell, `A` a column, `3` a row.
    if (first.row !== undefined && first.col !== undefined) {
      return {
        sheet: parts.sheet,
        startRow: first.row,
        endRow: first.row + 1,
        startCol: first.col,
        endCol: first.col + 1,
      };
    }
    return undefined;
  }
  const second = parseCorner(b);
  if (!second) return undefined;
  // `B5:S` (rows open), `A:C` (whole columns), `2:4` (whole rows), `A5:5`.
  const startRow = first.row ?? 0;
  const startCol = first.col ?? 0;
  const endRow = second.row === undefined ? undefined : second.row + 1;
  const endCol = second.col === undefined ? undefined : second.col + 1;
  if (first.row === undefined && second.row !== undefined && first.col !== undefined)
    return undefined;
  // Google normalises reversed corners (`B2:A1` = `A1:B2`).
  if (endRow !== undefined && endRow <= startRow) {
    return parseA1Swapped(parts.sheet, endRow - 1, startRow + 1, startCol, endCol);
  }
  if (endCol !== undefined && endCol <= startCol) {
    return parseA1Swapped(parts.sheet, startRow, endRow, endCol - 1, startCol + 1);
  }
  return { sheet: parts.sheet, startRow, endRow, startCol, endCol };
}

function parseA1Swapped(
  sheet: string | undefined,
  startRow: number,
  endRow: number | undefined,
  startCol: number,
  endCol: number | undefined,
): A1Range {
  if (endCol !== undefined && endCol <= startCol) [startCol, endCol] = [endCol - 1, startCol + 1];
  return { sheet, startRow, endRow, startCol, endCol };
}

/** Quote a sheet title the way Google writes it in returned ranges. */
export function quoteSheet(title: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title)) return title;
  return `'${title.replaceAll("'", "''")}'`;
}

/** Format a bounded range as Google returns it: `'Tab 1'!B5:S1000`. */
export function formatA1(
  sheet: string,
  startRow: number,
  endRow: number,
  startCol: number,
  endCol: number,
): string {
  const tl = `${columnLetters(startCol)}${startRow + 1}`;
  const br = `${columnLetters(endCol - 1)}${endRow}`;
  return `${quoteSheet(sheet)}!${tl === br ? tl : `${tl}:${br}`}`;
}
