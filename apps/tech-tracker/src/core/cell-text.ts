/** A cell as a sheet adapter returns it. */
export type SheetCell = string | number | boolean | null | undefined;

// Day 0 of spreadsheet serial dates (Google Sheets and Excel after 1900-03-01).
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Spreadsheet serial number -> `YYYY-MM-DD` (the time of day is dropped). */
export function serialToIsoDate(serial: number): string {
  return new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

const pad2 = (s: string): string => s.padStart(2, '0');

/**
 * A date cell as `YYYY-MM-DD`: serial numbers, `M/D/YYYY`, `M/D/YY` and ISO date-times are
 * converted; anything else (a note like `TBD`) is kept as typed.
 */
export function toIsoDate(cell: SheetCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? serialToIsoDate(cell) : '';
  const text = toText(cell);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  if (iso) return `${iso[1]}-${pad2(iso[2] ?? '')}-${pad2(iso[3] ?? '')}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (us) {
    const year = (us[3] ?? '').length === 2 ? `20${us[3]}` : (us[3] ?? '');
    return `${year}-${pad2(us[1] ?? '')}-${pad2(us[2] ?? '')}`;
  }
  return text;
}

/** Any cell as trimmed text: numbers without a trailing `.0`, booleans as TRUE/FALSE. */
export function toText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
