/** `SheetStore` on a local `.xlsx` workbook (exceljs): the embedded default, no account needed. */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Cell, CellValue as ExcelValue, Workbook, Worksheet } from 'exceljs';
import { serialOfInstant } from '@toolbelt/dates';
import { isToolbeltError, type ToolbeltError } from '@toolbelt/errors';
import { ioError, isEnvironmentIoError, writeFileAtomic } from '@toolbelt/lock';
import { parseTabRange } from './a1-range.js';
import { messages } from './i18n/index.js';
import { badRangeError, tabMissingError } from './store-errors.js';
import type { CellValue, SheetStore, SheetWrite, TabData, TabRequest } from './ports.js';
import { compareCellValues, trimValues } from './sheet-cells.js';

/** Options of {@link createXlsxSheetStore}. */
export interface XlsxSheetStoreOptions {
  /** Path of the workbook; created (with its folder) on the first write if missing. */
  path: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw ioError(error, path, 'read');
  }
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML 1.0 allows it, so the workbook stays readable: control characters other than
 * tab, line feed and carriage return, and U+FFFE/U+FFFF are removed; a lone surrogate
 * becomes U+FFFD. Everything else is kept as it is.
 */
export function xmlSafeText(text: string): string {
  return text
    .replace(
      /* eslint-disable-line no-control-regex */ /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      '',
    )
    .replace(LONE_SURROGATE, '\uFFFD');
}

/** A cell value with its text made XML-safe (see {@link xmlSafeText}). */
function xmlSafeValue(value: CellValue): CellValue {
  return typeof value === 'string' ? xmlSafeText(value) : value;
}

/** A cell's value as the port sees it: dates become serial numbers, formulas their result. */
function toCellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return serialOfInstant(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return toCellValue((value as { result?: ExcelValue }).result ?? null);
    if ('text' in value && 'hyperlink' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return null;
}

function isStruck(cell: Cell): boolean {
  if (cell.font?.strike) return true;
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v && v.richText.length > 0)
    return v.richText.every((r) => r.font?.strike === true);
  return false;
}

function unreadable(path: string, error: unknown): ToolbeltError {
  const params = { path, message: error instanceof Error ? error.message : String(error) };
  return messages.error('DATA', 'errors.xlsxUnreadable', params, { cause: error });
}

/** Create the `.xlsx` adapter. exceljs is loaded on first use. */
export function createXlsxSheetStore(options: XlsxSheetStoreOptions): SheetStore {
  const path = resolve(options.path);

  const load = async (): Promise<Workbook> => {
    const mod = await import('exceljs');
    const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const book = new ExcelJS.Workbook();
    if (await exists(path)) {
      try {
        await book.xlsx.readFile(path);
      } catch (error) {
        if (isEnvironmentIoError(error)) throw ioError(error, path, 'read');
        throw unreadable(path, error);
      }
    }
    return book;
  };

  // Write next to the target and rename over it, so a crash, a full disk or Ctrl-C never
  // leaves half a workbook (nor its temp file); refusals of the file system are IOERR (74).
  const save = async (book: Workbook): Promise<void> => {
    try {
      await writeFileAtomic(path, async (tmp) => {
        await book.xlsx.writeFile(tmp);
      });
    } catch (error) {
      throw isToolbeltError(error) ? error : (ioError(error, path, 'write') as Error);
    }
  };

  const sheetOf = (book: Workbook, tab: string): Worksheet | undefined =>
    book.worksheets.find((w) => w.name === tab);

  const bounds = (sheet: Worksheet, range: string | undefined, tab: string) => {
    const r = parseTabRange(range);
    if (!r) throw badRangeError(range ?? '', tab);
    return {
      ...r,
      endRow: r.endRow ?? Math.max(sheet.rowCount, r.startRow),
      endCol: r.endCol ?? Math.max(sheet.columnCount, r.startCol),
    };
  };

  return {
    kind: 'xlsx',
    location: path,
    callCounts: () => ({}),

    async listTabs() {
      return (await load()).worksheets.map((w) => w.name);
    },

    async readTabs(requests: readonly TabRequest[]): Promise<TabData[]> {
      const book = await load();
      const missing = requests.filter((r) => !sheetOf(book, r.tab)).map((r) => r.tab);
      if (missing.length > 0)
        throw tabMissingError(
          [...new Set(missing)],
          book.worksheets.map((w) => w.name),
          path,
        );
      return requests.map((r) => {
        const sheet = sheetOf(book, r.tab) as Worksheet;
        const b = bounds(sheet, r.range, r.tab);
        const raw: CellValue[][] = [];
        const struck: boolean[] = [];
        for (let row = b.startRow; row < b.endRow; row++) {
          const line: CellValue[] = [];
          const xRow = sheet.getRow(row + 1);
          for (let col = b.startCol; col < b.endCol; col++)
            line.push(toCellValue(xRow.getCell(col + 1).value));
          raw.push(line);
          if (r.strikethroughColumn !== undefined)
            struck.push(isStruck(xRow.getCell(b.startCol + r.strikethroughColumn + 1)));
        }
        const values = trimValues(raw);
        return r.strikethroughColumn === undefined
          ? { tab: r.tab, values }
          : { tab: r.tab, values, struck: struck.slice(0, values.length) };
      });
    },

    async write(writes: readonly SheetWrite[]): Promise<void> {
      if (writes.length === 0) return;
      const book = await load();
      const missing = [...new Set(writes.map((w) => w.tab).filter((t) => !sheetOf(book, t)))];
      if (missing.length > 0)
        throw tabMissingError(
          missing,
          book.worksheets.map((w) => w.name),
          path,
        );
      for (const w of writes) {
        const sheet = sheetOf(book, w.tab) as Worksheet;
        if (w.kind === 'values') {
          const r = parseTabRange(w.range);
          if (!r) throw badRangeError(w.range, w.tab);
          w.values.forEach((row, i) =>
            row.forEach((value, j) => {
              sheet.getCell(r.startRow + i + 1, r.startCol + j + 1).value =
                value === '' ? null : xmlSafeValue(value);
            }),
          );
          continue;
        }
        const b = bounds(sheet, w.range, w.tab);
        if (w.kind === 'clear') {
          for (let row = b.startRow; row < b.endRow; row++)
            for (let col = b.startCol; col < b.endCol; col++)
              sheet.getCell(row + 1, col + 1).value = null;
        } else if (w.kind === 'format') {
          // Google's 'TEXT' format is Excel's '@'.
          const numFmt = w.numberFormat.type === 'TEXT' ? '@' : w.numberFormat.pattern;
          for (let row = b.startRow; row < b.endRow; row++)
            for (let col = b.startCol; col < b.endCol; col++)
              sheet.getCell(row + 1, col + 1).numFmt = numFmt;
        } else {
          // Sort whole cells (value and style) inside the range's columns only, stable, blanks last.
          const rows: { value: ExcelValue; style: Cell['style'] }[][] = [];
          for (let row = b.startRow; row < b.endRow; row++) {
            const line: { value: ExcelValue; style: Cell['style'] }[] = [];
            for (let col = b.startCol; col < b.endCol; col++) {
              const cell = sheet.getCell(row + 1, col + 1);
              line.push({ value: cell.value, style: structuredClone(cell.style) });
            }
            rows.push(line);
          }
          const key = (line: { value: ExcelValue }[]): CellValue =>
            toCellValue(line[w.column]?.value ?? null);
          rows.sort((x, y) => compareCellValues(key(x), key(y), w.ascending));
          rows.forEach((line, i) =>
            line.forEach((c, j) => {
              const cell = sheet.getCell(b.startRow + i + 1, b.startCol + j + 1);
              cell.value = c.value;
              cell.style = c.style;
            }),
          );
        }
      }
      await save(book);
    },

    async ensureTab(tab: string): Promise<void> {
      const book = await load();
      if (sheetOf(book, tab)) return;
      book.addWorksheet(tab);
      await save(book);
    },
  };
}
