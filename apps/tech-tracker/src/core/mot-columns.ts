import { columnIndex, columnLetters } from '@toolbelt/google/a1';
import { DEFAULT_MOT_COLUMNS, SHARED_FIELDS, type SharedField } from './layout.js';
import { toText, type SheetCell } from './cell-text.js';

/**
 * Where a shared field lives in the MOT: a 0-based index, a column letter (`"J"`), a header
 * name (`"Start Date"`), or the explicit forms `{ index }`, `{ letter }`, `{ header }`.
 */
export type ColumnRef =
  number | string | { index: number } | { letter: string } | { header: string };

/** The content of a `--mot-columns` file: overrides of the default map, by field name. */
export type MotColumnSpec = Partial<Record<SharedField, ColumnRef>>;

/** A problem with a column map or the MOT headers, as data for the shell to word. */
export type ColumnProblem =
  | { kind: 'unknownField'; field: string }
  | { kind: 'invalidRef'; field: string; ref: string }
  | { kind: 'headerNotFound'; field: SharedField; header: string }
  /** The column is right of the MOT's last column: its cells would all read blank. */
  | { kind: 'outOfRange'; field: SharedField; column: string; last: string }
  /** The header name is in more than one column of rows 1-2. */
  | { kind: 'ambiguousHeader'; field: SharedField; header: string; columns: string[] };

/** Google Sheets' widest sheet: 18,278 columns (A to ZZZ); no MOT column lies beyond it. */
export const MAX_COLUMNS = 18_278;

const LETTER = /^[A-Z]{1,3}$/;

type Parsed = { index: number } | { header: string } | undefined;

function parseRef(ref: unknown): Parsed {
  if (typeof ref === 'number')
    return Number.isInteger(ref) && ref >= 0 ? { index: ref } : undefined;
  if (typeof ref === 'string') {
    const text = ref.trim();
    if (text === '') return undefined;
    // Upper-case 1-3 letters are a column; anything else is a header name.
    return LETTER.test(text) ? { index: columnIndex(text) } : { header: text };
  }
  if (ref && typeof ref === 'object') {
    const o = ref as Record<string, unknown>;
    if ('index' in o) return parseRef(typeof o.index === 'number' ? o.index : NaN);
    if ('letter' in o)
      return typeof o.letter === 'string' && /^[A-Za-z]{1,3}$/.test(o.letter)
        ? { index: columnIndex(o.letter) }
        : undefined;
    if ('header' in o)
      return typeof o.header === 'string' && o.header.trim() !== ''
        ? { header: o.header.trim() }
        : undefined;
  }
  return undefined;
}

const normalizeHeader = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Checks a parsed `--mot-columns` file without looking at the sheet. */
export function checkColumnSpec(spec: unknown): ColumnProblem[] {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec))
    return [{ kind: 'invalidRef', field: '(file)', ref: JSON.stringify(spec) }];
  const problems: ColumnProblem[] = [];
  for (const [field, ref] of Object.entries(spec)) {
    if (!(SHARED_FIELDS as readonly string[]).includes(field))
      problems.push({ kind: 'unknownField', field });
    else if (parseRef(ref) === undefined)
      problems.push({ kind: 'invalidRef', field, ref: JSON.stringify(ref) });
  }
  return problems;
}

/** True when a field needs the MOT's header rows to be located. */
export function needsHeaders(spec: MotColumnSpec, field: SharedField): boolean {
  const parsed = parseRef(spec[field] ?? DEFAULT_MOT_COLUMNS[field]);
  return parsed !== undefined && 'header' in parsed;
}

/**
 * The MOT column of each shared field: the defaults, overridden by `spec`. Header names are
 * matched case-insensitively against the MOT's header rows (rows 1-2); a name found in two
 * columns is ambiguous. With `width` (the number of columns the MOT tab has), a column
 * right of the last one is out of range (for fields `spec` maps): both are problems naming
 * the field.
 */
export function resolveMotColumns(
  spec: MotColumnSpec,
  headerRows: readonly (readonly SheetCell[])[],
  width?: number,
): { ok: true; columns: Record<SharedField, number> } | { ok: false; problems: ColumnProblem[] } {
  const problems = checkColumnSpec(spec);
  if (problems.length > 0) return { ok: false, problems };
  const columns = { ...DEFAULT_MOT_COLUMNS };
  for (const field of SHARED_FIELDS) {
    const parsed = parseRef(spec[field] ?? DEFAULT_MOT_COLUMNS[field]);
    if (!parsed) continue;
    if ('index' in parsed) {
      columns[field] = parsed.index;
      // Only columns the map names: the defaults are the original tool's layout.
      if (width !== undefined && width > 0 && spec[field] !== undefined && parsed.index >= width)
        problems.push({
          kind: 'outOfRange',
          field,
          column: columnLetters(parsed.index),
          last: columnLetters(width - 1),
        });
      continue;
    }
    const wanted = normalizeHeader(parsed.header);
    const found = new Set<number>();
    for (const row of headerRows)
      row.forEach((cell, i) => {
        if (normalizeHeader(toText(cell)) === wanted) found.add(i);
      });
    const [first] = [...found].sort((a, b) => a - b);
    if (first === undefined)
      problems.push({ kind: 'headerNotFound', field, header: parsed.header });
    else if (found.size > 1)
      problems.push({
        kind: 'ambiguousHeader',
        field,
        header: parsed.header,
        columns: [...found].sort((a, b) => a - b).map(columnLetters),
      });
    else columns[field] = first;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}
