/** Cell helpers shared by the sheet adapters, so both give the same answers. */
import type { CellValue } from './ports.js';

/** Drop trailing empty cells of each row and trailing empty rows, as Google's API does. */
export function trimValues(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end -= 1;
    return row.slice(0, end).map((v) => (v === null ? '' : v));
  });
  while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

function rank(v: CellValue): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Sheets' sort order: numbers, then text (case-insensitive), then booleans; blanks always last. */
export function compareCellValues(a: CellValue, b: CellValue, ascending: boolean): number {
  const blankA = a === null || a === '';
  const blankB = b === null || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  let cmp = rank(a) - rank(b);
  if (cmp === 0) {
    if (typeof a === 'number' && typeof b === 'number') cmp = a - b;
    else if (typeof a === 'string' && typeof b === 'string')
      cmp = a.localeCompare(b, 'en', { sensitivity: 'accent' });
    else cmp = Number(a) - Number(b);
  }
  return ascending ? cmp : -cmp;
}
