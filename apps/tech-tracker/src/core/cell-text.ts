import { fromSerialDate } from '@toolbelt/dates';

/** A cell as a sheet adapter returns it. */
export type SheetCell = string | number | boolean | null | undefined;

const pad2 = (s: string): string => s.padStart(2, '0');

/**
 * A date cell as `YYYY-MM-DD`: serial numbers, `M/D/YYYY`, `M/D/YY` and ISO date-times are
 * converted; anything else (a note like `TBD`) is kept as typed.
 */
export function toIsoDate(cell: SheetCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? fromSerialDate(cell) : '';
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text as XML 1.0 (and so an .xlsx) can hold it: control characters other than tab, LF and
 * CR, and U+FFFE/U+FFFF, removed; a lone surrogate replaced by U+FFFD. The same rule as the
 * workbook adapter's `xmlSafeText`, applied when cells are read, so a MOT value arriving from
 * Google with a stray control character compares equal to the cleaned copy in the tracker.
 */
export function cleanText(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Any cell as trimmed text: numbers without a trailing `.0`, booleans as TRUE/FALSE, text
 * cleaned of characters a workbook cannot hold (see {@link cleanText}).
 */
export function toText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell).trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
