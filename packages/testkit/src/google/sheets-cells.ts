/** Cell values and formats as Sheets v4 stores them, and the conversions Google applies. */

/** `ExtendedValue` of the Sheets API: exactly one member is set. */
export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  formulaValue?: string;
  errorValue?: { type: string; message: string };
}

export interface NumberFormat {
  type: string;
  pattern?: string;
}

export interface CellFormat {
  numberFormat?: NumberFormat;
  textFormat?: { strikethrough?: boolean; bold?: boolean; italic?: boolean; underline?: boolean };
  [key: string]: unknown;
}

/** The writable part of `CellData`. */
export interface Cell {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: CellFormat;
  note?: string;
  [key: string]: unknown;
}

export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Spreadsheet serial number of a calendar date (2024-10-02 -> 45567). */
export function toSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS;
}

function fromSerial(serial: number): Date {
  return new Date(EPOCH + Math.round(serial * DAY_MS));
}

/** True when a cell holds neither a value nor any format or note. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || Object.keys(cell).length === 0;
}

export function hasValue(cell: Cell | undefined): boolean {
  return cell?.userEnteredValue !== undefined;
}

/**
 * Interpret a value sent in a `ValueRange`. RAW stores it as-is; USER_ENTERED parses it as if
 * typed into the UI (numbers, percents, booleans, dates, formulas, a leading `'` forces text).
 */
export function parseInput(
  value: unknown,
  option: ValueInputOption,
): { value?: ExtendedValue; format?: NumberFormat } {
  if (typeof value === 'number') return { value: { numberValue: value } };
  if (typeof value === 'boolean') return { value: { boolValue: value } };
  const text = String(value);
  if (text === '') return {};
  if (option === 'RAW') return { value: { stringValue: text } };
  if (text.startsWith('=')) return { value: { formulaValue: text } };
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  const trimmed = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][+-]?\d+)?$|^[+-]?\.\d+$/.test(trimmed)) {
    return { value: { numberValue: Number(trimmed.replaceAll(',', '')) } };
  }
  const pct = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(trimmed);
  if (pct?.[1] !== undefined) {
    const decimals = pct[2]?.length ?? 0;
    return {
      value: { numberValue: Number(pct[1]) / 100 },
      format: { type: 'PERCENT', pattern: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' },
    };
  }
  if (/^(true|false)$/i.test(trimmed))
    return { value: { boolValue: trimmed.toLowerCase() === 'true' } };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso && validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    return {
      value: { numberValue: toSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) },
      format: { type: 'DATE', pattern: 'yyyy-mm-dd' },
    };
  }
  // en_US locale, the default of a new spreadsheet.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (us && validDate(Number(us[3]), Number(us[1]), Number(us[2]))) {
    return {
      value: { numberValue: toSerial(Number(us[3]), Number(us[1]), Number(us[2])) },
      format: { type: 'DATE', pattern: 'M/d/yyyy' },
    };
  }
  return { value: { stringValue: text } };
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The effective (calculated) value. The stand-in does not evaluate formulas: a formula's
 * effective value is an error value that says so, never a made-up result.
 */
export function effectiveValue(cell: Cell | undefined): ExtendedValue | undefined {
  const v = cell?.userEnteredValue;
  if (!v) return undefined;
  if (v.formulaValue !== undefined)
    return {
      errorValue: { type: 'ERROR', message: 'The Google API stand-in does not evaluate formulas.' },
    };
  return v;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, pattern: string): string {
  const d = fromSerial(serial);
  const parts: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    yy: pad(d.getUTCFullYear() % 100, 2),
    dd: pad(d.getUTCDate(), 2),
    d: String(d.getUTCDate()),
    hh: pad(d.getUTCHours(), 2),
    h: String(d.getUTCHours()),
    ss: pad(d.getUTCSeconds(), 2),
  };
  let out = '';
  let lastWasHour = false;
  const re = /yyyy|yy|mm|m|dd|d|hh|h|ss|MM|M|"[^"]*"|./g;
  for (const m of pattern.matchAll(re)) {
    const tok = m[0];
    if (/^m+$/i.test(tok)) {
      // `mm` after an hour token is minutes, otherwise month (Sheets' own rule).
      if (lastWasHour)
        out += tok.length === 2 ? pad(d.getUTCMinutes(), 2) : String(d.getUTCMinutes());
      else out += tok.length === 2 ? pad(d.getUTCMonth() + 1, 2) : String(d.getUTCMonth() + 1);
      lastWasHour = false;
      continue;
    }
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else out += parts[tok.toLowerCase() === tok ? tok : tok.toLowerCase()] ?? tok;
    if (tok === 'hh' || tok === 'h') lastWasHour = true;
    else if (/[a-z]/i.test(tok)) lastWasHour = false;
  }
  return out;
}

function formatNumber(n: number, pattern: string | undefined, type: string): string {
  if (!pattern) return type === 'PERCENT' ? `${+(n * 100).toFixed(2)}%` : defaultNumber(n);
  const percent = pattern.includes('%');
  const decimals = /\.(0+)/.exec(pattern)?.[1]?.length ?? 0;
  const value = percent ? n * 100 : n;
  let text = value.toFixed(decimals);
  if (pattern.includes(',')) {
    const [int, frac] = text.split('.');
    text = `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
  }
  return percent ? `${text}%` : text;
}

function defaultNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** The value as shown in the UI (FORMATTED_VALUE). */
export function formattedValue(cell: Cell | undefined): string | undefined {
  const v = effectiveValue(cell);
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue ? 'TRUE' : 'FALSE';
  if (v.errorValue) return '#ERROR!';
  if (v.numberValue === undefined) return undefined;
  const format = cell?.userEnteredFormat?.numberFormat;
  if (format && ['DATE', 'TIME', 'DATE_TIME'].includes(format.type)) {
    return formatDate(
      v.numberValue,
      format.pattern ?? (format.type === 'DATE' ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss'),
    );
  }
  if (format && format.type !== 'TEXT')
    return formatNumber(v.numberValue, format.pattern, format.type);
  return defaultNumber(v.numberValue);
}

/** The JSON value returned by `values.get` for a cell. */
export function renderValue(
  cell: Cell | undefined,
  render: ValueRenderOption,
  dateAsString: boolean,
): string | number | boolean {
  if (render === 'FORMATTED_VALUE') return formattedValue(cell) ?? '';
  const user = cell?.userEnteredValue;
  if (render === 'FORMULA' && user?.formulaValue !== undefined) return user.formulaValue;
  const v = effectiveValue(cell);
  if (!v) return '';
  if (v.numberValue !== undefined) {
    const type = cell?.userEnteredFormat?.numberFormat?.type;
    if (dateAsString && (type === 'DATE' || type === 'DATE_TIME' || type === 'TIME'))
      return formattedValue(cell) ?? '';
    return v.numberValue;
  }
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.stringValue !== undefined) return v.stringValue;
  return '#ERROR!';
}

/** Sort key rank as Sheets orders mixed types: numbers, then text, then booleans; blanks always last. */
export function compareCells(a: Cell | undefined, b: Cell | undefined, ascending: boolean): number {
  const va = effectiveValue(a);
  const vb = effectiveValue(b);
  const blankA = va === undefined || va.stringValue === '';
  const blankB = vb === undefined || vb.stringValue === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const rank = (v: ExtendedValue): number =>
    v.numberValue !== undefined
      ? 0
      : v.stringValue !== undefined
        ? 1
        : v.boolValue !== undefined
          ? 2
          : 3;
  let cmp = rank(va) - rank(vb);
  if (cmp === 0) {
    if (va.numberValue !== undefined && vb.numberValue !== undefined)
      cmp = va.numberValue - vb.numberValue;
    else if (va.stringValue !== undefined && vb.stringValue !== undefined)
      cmp = va.stringValue.localeCompare(vb.stringValue, 'en', { sensitivity: 'accent' });
    else if (va.boolValue !== undefined && vb.boolValue !== undefined)
      cmp = Number(va.boolValue) - Number(vb.boolValue);
  }
  return ascending ? cmp : -cmp;
}
