/** A1 ranges inside one tab (`B5:S`, `A2`, `A:C`), 0-based with exclusive, possibly open ends. */
export interface TabRange {
  startRow: number;
  /** Exclusive; undefined = to the end of the sheet. */
  endRow: number | undefined;
  startCol: number;
  /** Exclusive; undefined = to the last column. */
  endCol: number | undefined;
}

/** Column letters to a 0-based index: `A` -> 0, `Z` -> 25, `AA` -> 26 (any case). */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new RangeError(`not column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A 0-based column index to its letters: 0 -> `A`, 25 -> `Z`, 26 -> `AA`. */
export function columnLetters(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0)
    throw new RangeError(`not a column index: ${index0}`);
  let n = index0 + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CORNER = /^([A-Za-z]{1,3})?(\d+)?$/;

/** Parse a tab-relative A1 range; undefined (or '') is the whole tab. Returns undefined when malformed. */
export function parseTabRange(text: string | undefined): TabRange | undefined {
  if (text === undefined || text.trim() === '')
    return { startRow: 0, endRow: undefined, startCol: 0, endCol: undefined };
  const [a, b, extra] = text.trim().split(':');
  if (a === undefined || extra !== undefined) return undefined;
  const first = CORNER.exec(a);
  if (!first || a === '') return undefined;
  const startCol = first[1] ? columnIndex(first[1]) : 0;
  const startRow = first[2] ? Number(first[2]) - 1 : 0;
  if (startRow < 0) return undefined;
  if (b === undefined) {
    if (!first[1] || !first[2]) return undefined;
    return { startRow, endRow: startRow + 1, startCol, endCol: startCol + 1 };
  }
  const second = CORNER.exec(b);
  if (!second || b === '') return undefined;
  const endCol = second[1] ? columnIndex(second[1]) + 1 : undefined;
  const endRow = second[2] ? Number(second[2]) : undefined;
  if ((endRow !== undefined && endRow <= startRow) || (endCol !== undefined && endCol <= startCol))
    return undefined;
  return { startRow, endRow, startCol, endCol };
}

/** A sheet title quoted for an A1 range (`'It''s here'`). */
export function quoteTab(tab: string): string {
  return `'${tab.replaceAll("'", "''")}'`;
}
