/** The Sheets v4 endpoints of the stand-in, over the in-memory model. */
import { columnLetters, formatA1, quoteSheet } from './a1.js';
import { sheetsError } from './errors.js';
import { copyPath, maskPaths } from './field-mask.js';
import {
  type Cell,
  type ValueInputOption,
  type ValueRenderOption,
  compareCells,
  effectiveValue,
  formattedValue,
  hasValue,
  parseInput,
  renderValue,
} from './sheets-cells.js';
import {
  type Bounds,
  type GridRange,
  type SheetState,
  type SpreadsheetState,
  boundsA1,
  checkGrid,
  dataExtent,
  getCell,
  growGrid,
  newSheet,
  resolveA1,
  resolveGridRange,
  setCell,
  sheetById,
} from './sheets-model.js';

export interface ApiRequest {
  httpMethod: string;
  query: URLSearchParams;
  body: unknown;
}

export interface SheetsRoute {
  /** Method id as the discovery document names it, e.g. `sheets.spreadsheets.values.get`. */
  method: string;
  spreadsheetId: string;
  range?: string;
}

/** Map a request path to a Sheets method; undefined when it is not a Sheets path. */
export function routeSheets(httpMethod: string, rawPath: string): SheetsRoute | undefined {
  const m =
    /^\/v4\/spreadsheets\/([^/]+?)(?::(batchUpdate))?(?:\/values(?::(batchGet|batchUpdate|batchClear)|\/([^/]+?)(?::(append|clear))?))?$/.exec(
      rawPath,
    );
  if (!m?.[1]) return undefined;
  const spreadsheetId = decodeURIComponent(m[1]);
  const range = m[4] === undefined ? undefined : decodeURIComponent(m[4]);
  const v = 'sheets.spreadsheets.values.';
  if (m[2] && httpMethod === 'POST')
    return { method: 'sheets.spreadsheets.batchUpdate', spreadsheetId };
  if (m[3] === 'batchGet' && httpMethod === 'GET') return { method: `${v}batchGet`, spreadsheetId };
  if (m[3] === 'batchUpdate' && httpMethod === 'POST')
    return { method: `${v}batchUpdate`, spreadsheetId };
  if (m[3] === 'batchClear' && httpMethod === 'POST')
    return { method: `${v}batchClear`, spreadsheetId };
  if (range !== undefined) {
    if (m[5] === 'append' && httpMethod === 'POST')
      return { method: `${v}append`, spreadsheetId, range };
    if (m[5] === 'clear' && httpMethod === 'POST')
      return { method: `${v}clear`, spreadsheetId, range };
    if (!m[5] && httpMethod === 'GET') return { method: `${v}get`, spreadsheetId, range };
    if (!m[5] && httpMethod === 'PUT') return { method: `${v}update`, spreadsheetId, range };
  }
  if (!m[2] && !m[3] && range === undefined && httpMethod === 'GET')
    return { method: 'sheets.spreadsheets.get', spreadsheetId };
  return undefined;
}

type Json = Record<string, unknown>;

/** A request value as text: strings as they are, anything else as JSON, absent as ''. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T | undefined,
): T | undefined {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw sheetsError(400, `Invalid value at '${name}' (${value})`);
  return value as T;
}

function inputOption(value: unknown): ValueInputOption {
  if (
    value === undefined ||
    value === null ||
    value === '' ||
    value === 'INPUT_VALUE_OPTION_UNSPECIFIED'
  ) {
    throw sheetsError(400, "'valueInputOption' is required but not specified");
  }
  if (value !== 'RAW' && value !== 'USER_ENTERED')
    throw sheetsError(400, `Invalid value at 'value_input_option' (${textOf(value)})`);
  return value;
}

/** Read a bounded range as `values.get` renders it: trailing empty cells and rows omitted. */
function readValues(
  b: Bounds,
  render: ValueRenderOption,
  dateAsString: boolean,
  major: 'ROWS' | 'COLUMNS',
): (string | number | boolean)[][] {
  const grid = b.sheet.properties.gridProperties;
  const endRow = Math.min(b.endRow, grid.rowCount);
  const endCol = Math.min(b.endCol, grid.columnCount);
  const outer = major === 'ROWS' ? [b.startRow, endRow] : [b.startCol, endCol];
  const inner = major === 'ROWS' ? [b.startCol, endCol] : [b.startRow, endRow];
  const out: (string | number | boolean)[][] = [];
  for (let i = outer[0] ?? 0; i < (outer[1] ?? 0); i++) {
    const line: (string | number | boolean)[] = [];
    let last = -1;
    for (let j = inner[0] ?? 0; j < (inner[1] ?? 0); j++) {
      const cell = major === 'ROWS' ? getCell(b.sheet, i, j) : getCell(b.sheet, j, i);
      const v = hasValue(cell) ? renderValue(cell, render, dateAsString) : '';
      line.push(v);
      if (v !== '') last = line.length - 1;
    }
    out.push(line.slice(0, last + 1));
  }
  while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

function valueRange(b: Bounds, query: URLSearchParams, major?: string): Json {
  const render =
    enumParam(
      query,
      'valueRenderOption',
      ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const,
      'FORMATTED_VALUE',
    ) ?? 'FORMATTED_VALUE';
  const dt = enumParam(
    query,
    'dateTimeRenderOption',
    ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const,
    'SERIAL_NUMBER',
  );
  const dimension =
    (major ??
      enumParam(
        query,
        'majorDimension',
        ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'] as const,
        'ROWS',
      )) === 'COLUMNS'
      ? 'COLUMNS'
      : 'ROWS';
  const values = readValues(b, render, dt === 'FORMATTED_STRING', dimension);
  return {
    range: boundsA1(b),
    majorDimension: dimension,
    // Google leaves `values` out of an empty range; JSON drops an undefined one the same way.
    values: values.length > 0 ? values : undefined,
  };
}

interface ValueRangeBody {
  range?: string;
  majorDimension?: string;
  values?: unknown[][];
}

/** Write a ValueRange at its range's top-left; nulls skip a cell, '' clears it. Grows the grid. */
function writeValues(
  book: SpreadsheetState,
  rangeText: string,
  body: ValueRangeBody,
  option: ValueInputOption,
): Json {
  const { a1, bounds } = resolveA1(book, rangeText);
  if (body.range !== undefined && body.range !== rangeText) {
    const other = resolveA1(book, body.range);
    if (
      other.bounds.sheet !== bounds.sheet ||
      other.a1.startRow !== a1.startRow ||
      other.a1.startCol !== a1.startCol ||
      other.a1.endRow !== a1.endRow ||
      other.a1.endCol !== a1.endCol
    ) {
      throw sheetsError(
        400,
        `Requested writing within range [${rangeText}], but tried writing to [${body.range}]`,
      );
    }
  }
  const columns = body.majorDimension === 'COLUMNS';
  const rows = body.values ?? [];
  const height = columns ? Math.max(0, ...rows.map((r) => r.length)) : rows.length;
  const width = columns ? rows.length : Math.max(0, ...rows.map((r) => r.length));
  const startRow = a1.startRow;
  // A single cell only anchors the write: Google lets the values extend beyond it.
  const anchor = a1.endRow === a1.startRow + 1 && a1.endCol === a1.startCol + 1;
  if (!anchor && a1.endRow !== undefined && startRow + height > a1.endRow) {
    throw sheetsError(
      400,
      `Requested writing within range [${rangeText}], but tried writing to row [${startRow + height}]`,
    );
  }
  if (!anchor && a1.endCol !== undefined && a1.startCol + width > a1.endCol) {
    throw sheetsError(
      400,
      `Requested writing within range [${rangeText}], but tried writing to column [${columnLetters(a1.startCol + width - 1)}]`,
    );
  }
  growGrid(bounds.sheet, startRow + height, a1.startCol + width);
  let cells = 0;
  const touchedRows = new Set<number>();
  const touchedCols = new Set<number>();
  rows.forEach((line, i) => {
    if (!Array.isArray(line)) throw sheetsError(400, 'Invalid values: each row must be a list');
    line.forEach((value, j) => {
      if (value === null || value === undefined) return;
      if (typeof value === 'object')
        throw sheetsError(400, `Invalid values[${i}][${j}]: struct_value`);
      const r = startRow + (columns ? j : i);
      const c = a1.startCol + (columns ? i : j);
      const previous = getCell(bounds.sheet, r, c) ?? {};
      const parsed = parseInput(value, option);
      const next: Cell = { ...previous };
      if (parsed.value) next.userEnteredValue = parsed.value;
      else delete next.userEnteredValue;
      // Typing a date or percent into an unformatted cell gives it that format, as the UI does.
      if (parsed.format && !previous.userEnteredFormat?.numberFormat)
        next.userEnteredFormat = { ...previous.userEnteredFormat, numberFormat: parsed.format };
      setCell(bounds.sheet, r, c, next);
      cells += 1;
      touchedRows.add(r);
      touchedCols.add(c);
    });
  });
  const updated: Json = { spreadsheetId: book.spreadsheetId };
  if (cells > 0) {
    updated.updatedRange = formatA1(
      bounds.sheet.properties.title,
      startRow,
      startRow + height,
      a1.startCol,
      a1.startCol + width,
    );
    updated.updatedRows = touchedRows.size;
    updated.updatedColumns = touchedCols.size;
    updated.updatedCells = cells;
  }
  return updated;
}

function clearValues(b: Bounds): void {
  const grid = b.sheet.properties.gridProperties;
  for (let r = b.startRow; r < Math.min(b.endRow, grid.rowCount); r++) {
    for (let c = b.startCol; c < Math.min(b.endCol, grid.columnCount); c++) {
      const cell = getCell(b.sheet, r, c);
      if (!cell?.userEnteredValue) continue;
      const next = { ...cell };
      delete next.userEnteredValue;
      setCell(b.sheet, r, c, next);
    }
  }
}

function cellData(cell: Cell | undefined): Json {
  if (!cell) return {};
  const out: Json = { ...structuredClone(cell) };
  const effective = effectiveValue(cell);
  if (effective) out.effectiveValue = effective;
  const formatted = formattedValue(cell);
  if (formatted !== undefined) out.formattedValue = formatted;
  if (cell.userEnteredFormat) out.effectiveFormat = structuredClone(cell.userEnteredFormat);
  return out;
}

/** `GridData` for a range: rows and cells beyond the last non-blank one are omitted. */
function gridData(b: Bounds): Json {
  const grid = b.sheet.properties.gridProperties;
  const endRow = Math.min(b.endRow, grid.rowCount);
  const endCol = Math.min(b.endCol, grid.columnCount);
  const rowData: Json[] = [];
  let lastRow = -1;
  for (let r = b.startRow; r < endRow; r++) {
    const values: Json[] = [];
    let last = -1;
    for (let c = b.startCol; c < endCol; c++) {
      const cell = getCell(b.sheet, r, c);
      values.push(cellData(cell));
      if (cell) last = values.length - 1;
    }
    rowData.push(last >= 0 ? { values: values.slice(0, last + 1) } : {});
    if (last >= 0) lastRow = rowData.length - 1;
  }
  const data: Json = {};
  // proto3 JSON omits zero values.
  if (b.startRow) data.startRow = b.startRow;
  if (b.startCol) data.startColumn = b.startCol;
  data.rowData = rowData.slice(0, lastRow + 1);
  data.rowMetadata = Array.from({ length: Math.max(0, endRow - b.startRow) }, () => ({
    pixelSize: 21,
  }));
  data.columnMetadata = Array.from({ length: Math.max(0, endCol - b.startCol) }, () => ({
    pixelSize: 100,
  }));
  return data;
}

function spreadsheetJson(book: SpreadsheetState, query: URLSearchParams, rootUrl: string): Json {
  const ranges = query.getAll('ranges');
  const includeGrid = query.get('includeGridData') === 'true';
  const perSheet = new Map<SheetState, Bounds[]>();
  for (const text of ranges) {
    const { bounds } = resolveA1(book, text);
    perSheet.set(bounds.sheet, [...(perSheet.get(bounds.sheet) ?? []), bounds]);
  }
  // With `ranges`, only the sheets those ranges touch are returned.
  const sheets = ranges.length > 0 ? book.sheets.filter((s) => perSheet.has(s)) : book.sheets;
  return {
    spreadsheetId: book.spreadsheetId,
    properties: {
      title: book.title,
      locale: book.locale,
      autoRecalc: 'ON_CHANGE',
      timeZone: book.timeZone,
    },
    sheets: sheets.map((s) => {
      const sheet: Json = { properties: structuredClone(s.properties) };
      if (includeGrid) {
        const grid = s.properties.gridProperties;
        const bounds = perSheet.get(s) ?? [
          { sheet: s, startRow: 0, endRow: grid.rowCount, startCol: 0, endCol: grid.columnCount },
        ];
        sheet.data = bounds.map(gridData);
      }
      return sheet;
    }),
    spreadsheetUrl: `${rootUrl}spreadsheets/d/${book.spreadsheetId}/edit`,
  };
}

const CELL_FIELDS = [
  'userEnteredValue',
  'userEnteredFormat',
  'note',
  'dataValidation',
  'textFormatRuns',
  'hyperlink',
];

function applyCellMask(target: Cell | undefined, source: Json | undefined, fields: string): Cell {
  if (!fields)
    throw sheetsError(400, "Invalid requests: At least one field must be specified in 'fields'.");
  const out: Json = { ...(target ?? {}) };
  const paths = fields.trim() === '*' ? CELL_FIELDS.map((f) => [f]) : maskPaths(fields);
  for (const path of paths) copyPath(out, source, path);
  return out;
}

interface RowData {
  values?: Json[];
}

function updateCells(book: SpreadsheetState, req: Json, where: string): void {
  const rows = (req.rows as RowData[] | undefined) ?? [];
  const fields = textOf(req.fields);
  if (req.range && req.start)
    throw sheetsError(400, `Invalid ${where}: only one of range or start may be set`);
  if (req.range) {
    const b = resolveGridRange(book, req.range, where);
    for (let r = b.startRow; r < b.endRow; r++) {
      for (let c = b.startCol; c < b.endCol; c++) {
        const src = rows[r - b.startRow]?.values?.[c - b.startCol];
        setCell(b.sheet, r, c, applyCellMask(getCell(b.sheet, r, c), src, fields));
      }
    }
    return;
  }
  const start =
    (req.start as { sheetId?: number; rowIndex?: number; columnIndex?: number } | undefined) ?? {};
  const sheet = sheetById(book, start.sheetId, where);
  const r0 = start.rowIndex ?? 0;
  const c0 = start.columnIndex ?? 0;
  const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
  checkGrid(
    { sheet, startRow: r0, endRow: r0 + rows.length, startCol: c0, endCol: c0 + width },
    where,
  );
  rows.forEach((row, i) => {
    (row.values ?? []).forEach((src, j) => {
      setCell(sheet, r0 + i, c0 + j, applyCellMask(getCell(sheet, r0 + i, c0 + j), src, fields));
    });
  });
}

function repeatCell(book: SpreadsheetState, req: Json, where: string): void {
  const b = resolveGridRange(book, req.range as GridRange, where);
  for (let r = b.startRow; r < b.endRow; r++) {
    for (let c = b.startCol; c < b.endCol; c++) {
      setCell(
        b.sheet,
        r,
        c,
        applyCellMask(getCell(b.sheet, r, c), req.cell as Json, textOf(req.fields)),
      );
    }
  }
}

function sortRange(book: SpreadsheetState, req: Json, where: string): void {
  const b = resolveGridRange(book, req.range as GridRange, where);
  const specs =
    (req.sortSpecs as { dimensionIndex?: number; sortOrder?: string }[] | undefined) ?? [];
  if (specs.length === 0) throw sheetsError(400, `Invalid ${where}: sortSpecs must not be empty`);
  const rows: (Cell | undefined)[][] = [];
  for (let r = b.startRow; r < b.endRow; r++) {
    const line: (Cell | undefined)[] = [];
    for (let c = b.startCol; c < b.endCol; c++) line.push(getCell(b.sheet, r, c));
    rows.push(line);
  }
  for (const spec of specs) {
    const col = spec.dimensionIndex ?? 0;
    if (col < b.startCol || col >= b.endCol)
      throw sheetsError(400, `Invalid ${where}: sort column ${col} is outside the range`);
  }
  // Array.prototype.sort is stable: ties keep their order, as in Sheets.
  rows.sort((x, y) => {
    for (const spec of specs) {
      const i = (spec.dimensionIndex ?? 0) - b.startCol;
      const cmp = compareCells(x[i], y[i], spec.sortOrder !== 'DESCENDING');
      if (cmp !== 0) return cmp;
    }
    return 0;
  });
  rows.forEach((line, i) =>
    line.forEach((cell, j) => setCell(b.sheet, b.startRow + i, b.startCol + j, cell)),
  );
  // Blank rows must be cleared too: a moved row leaves nothing behind.
  rows.forEach((line, i) => {
    for (let j = line.length; j < b.endCol - b.startCol; j++)
      setCell(b.sheet, b.startRow + i, b.startCol + j, undefined);
  });
}

function deleteDimension(book: SpreadsheetState, req: Json, where: string): void {
  const range =
    (req.range as
      | { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number }
      | undefined) ?? {};
  const sheet = sheetById(book, range.sheetId, where);
  const grid = sheet.properties.gridProperties;
  const start = range.startIndex ?? 0;
  if (range.dimension === 'ROWS') {
    const end = range.endIndex ?? grid.rowCount;
    if (end > grid.rowCount || start >= end)
      throw sheetsError(400, `Invalid ${where}: invalid row range ${start}..${end}`);
    if (end - start >= grid.rowCount)
      throw sheetsError(400, `Invalid ${where}: You can't delete all the rows on the sheet.`);
    sheet.rows.splice(start, end - start);
    grid.rowCount -= end - start;
  } else if (range.dimension === 'COLUMNS') {
    const end = range.endIndex ?? grid.columnCount;
    if (end > grid.columnCount || start >= end)
      throw sheetsError(400, `Invalid ${where}: invalid column range ${start}..${end}`);
    if (end - start >= grid.columnCount)
      throw sheetsError(400, `Invalid ${where}: You can't delete all the columns on the sheet.`);
    for (const row of sheet.rows) row?.splice(start, end - start);
    grid.columnCount -= end - start;
  } else throw sheetsError(400, `Invalid ${where}: dimension must be ROWS or COLUMNS`);
}

function appendDimension(book: SpreadsheetState, req: Json, where: string): void {
  const sheet = sheetById(book, req.sheetId as number | undefined, where);
  const length = Number(req.length ?? 0);
  if (!(length > 0)) throw sheetsError(400, `Invalid ${where}: length must be positive`);
  if (req.dimension === 'ROWS') sheet.properties.gridProperties.rowCount += length;
  else if (req.dimension === 'COLUMNS') sheet.properties.gridProperties.columnCount += length;
  else throw sheetsError(400, `Invalid ${where}: dimension must be ROWS or COLUMNS`);
}

function addSheet(book: SpreadsheetState, req: Json, where: string): Json {
  const props =
    (req.properties as
      | {
          title?: string;
          sheetId?: number;
          index?: number;
          gridProperties?: { rowCount?: number; columnCount?: number };
        }
      | undefined) ?? {};
  let title = props.title;
  if (title === undefined) {
    let n = book.sheets.length + 1;
    while (book.sheets.some((s) => s.properties.title === `Sheet${n}`)) n += 1;
    title = `Sheet${n}`;
  }
  if (book.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase())) {
    throw sheetsError(
      400,
      `Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`,
    );
  }
  if (
    props.sheetId !== undefined &&
    book.sheets.some((s) => s.properties.sheetId === props.sheetId)
  ) {
    throw sheetsError(400, `Invalid ${where}: Sheet with id ${props.sheetId} already exists.`);
  }
  const sheet = newSheet(book, title, {
    sheetId: props.sheetId ?? book.nextSheetId++,
    index: props.index,
    rowCount: props.gridProperties?.rowCount,
    columnCount: props.gridProperties?.columnCount,
  });
  return { addSheet: { properties: structuredClone(sheet.properties) } };
}

function updateSheetProperties(book: SpreadsheetState, req: Json, where: string): void {
  const props = (req.properties as Json | undefined) ?? {};
  const sheet = sheetById(book, props.sheetId as number | undefined, where);
  const fields = textOf(req.fields);
  if (!fields)
    throw sheetsError(400, `Invalid ${where}: At least one field must be specified in 'fields'.`);
  const grid = sheet.properties.gridProperties;
  for (const path of maskPaths(fields)) {
    const key = path.join('.');
    if (key === 'title') sheet.properties.title = String(props.title);
    else if (key === 'gridProperties.rowCount')
      grid.rowCount = Number((props.gridProperties as Json | undefined)?.rowCount);
    else if (key === 'gridProperties.columnCount')
      grid.columnCount = Number((props.gridProperties as Json | undefined)?.columnCount);
    else if (key === 'gridProperties.frozenRowCount')
      grid.frozenRowCount = Number((props.gridProperties as Json | undefined)?.frozenRowCount);
    else throw sheetsError(400, `Invalid ${where}: the stand-in does not implement field ${key}`);
  }
  const extent = dataExtent(sheet);
  if (grid.rowCount < extent.rows || grid.columnCount < extent.cols) {
    // Shrinking the grid drops the cells outside it.
    sheet.rows.length = Math.min(sheet.rows.length, grid.rowCount);
    for (const row of sheet.rows)
      if (row && row.length > grid.columnCount) row.length = grid.columnCount;
  }
}

/** Apply one `spreadsheets.batchUpdate` body atomically. */
function batchUpdate(book: SpreadsheetState, body: Json): Json {
  const requests = (body.requests as Json[] | undefined) ?? [];
  const replies: Json[] = [];
  requests.forEach((request, i) => {
    const kinds = Object.keys(request);
    if (kinds.length !== 1)
      throw sheetsError(400, `Invalid requests[${i}]: exactly one kind of request must be set`);
    const kind = kinds[0] ?? '';
    const req = (request[kind] as Json | undefined) ?? {};
    const where = `requests[${i}].${kind}`;
    switch (kind) {
      case 'updateCells':
        updateCells(book, req, where);
        replies.push({});
        break;
      case 'repeatCell':
        repeatCell(book, req, where);
        replies.push({});
        break;
      case 'sortRange':
        sortRange(book, req, where);
        replies.push({});
        break;
      case 'addSheet':
        replies.push(addSheet(book, req, where));
        break;
      case 'deleteDimension':
        deleteDimension(book, req, where);
        replies.push({});
        break;
      case 'appendDimension':
        appendDimension(book, req, where);
        replies.push({});
        break;
      case 'updateSheetProperties':
        updateSheetProperties(book, req, where);
        replies.push({});
        break;
      default:
        throw sheetsError(
          400,
          `Invalid requests[${i}]: the Google API stand-in does not implement '${kind}'`,
        );
    }
  });
  return { spreadsheetId: book.spreadsheetId, replies };
}

/** Handle one Sheets call; state changes are atomic (the book is replaced only on success). */
export function handleSheets(
  route: SheetsRoute,
  req: ApiRequest,
  books: Map<string, SpreadsheetState>,
  rootUrl: string,
): Json {
  const current = books.get(route.spreadsheetId);
  if (!current) throw sheetsError(404, 'Requested entity was not found.');
  const body = (req.body ?? {}) as Json;
  const v = 'sheets.spreadsheets.values.';
  switch (route.method) {
    case 'sheets.spreadsheets.get':
      return spreadsheetJson(current, req.query, rootUrl);
    case `${v}get`:
      return valueRange(resolveA1(current, route.range ?? '').bounds, req.query);
    case `${v}batchGet`: {
      const ranges = req.query.getAll('ranges');
      return {
        spreadsheetId: current.spreadsheetId,
        valueRanges: ranges.map((r) => valueRange(resolveA1(current, r).bounds, req.query)),
      };
    }
    default:
      break;
  }
  const book = structuredClone(current);
  const result = mutate(route, req, body, book);
  books.set(route.spreadsheetId, book);
  return result;
}

function mutate(route: SheetsRoute, req: ApiRequest, body: Json, book: SpreadsheetState): Json {
  const v = 'sheets.spreadsheets.values.';
  switch (route.method) {
    case `${v}update`:
      return writeValues(
        book,
        route.range ?? '',
        body,
        inputOption(req.query.get('valueInputOption')),
      );
    case `${v}batchUpdate`: {
      const option = inputOption(body.valueInputOption);
      const responses = ((body.data as ValueRangeBody[] | undefined) ?? []).map((d) =>
        writeValues(book, d.range ?? '', d, option),
      );
      const sum = (k: string): number => responses.reduce((n, r) => n + Number(r[k] ?? 0), 0);
      return {
        spreadsheetId: book.spreadsheetId,
        totalUpdatedRows: sum('updatedRows'),
        totalUpdatedColumns: sum('updatedColumns'),
        totalUpdatedCells: sum('updatedCells'),
        totalUpdatedSheets: new Set(responses.map((r) => textOf(r.updatedRange).split('!')[0]))
          .size,
        responses,
      };
    }
    case `${v}clear`: {
      const { bounds } = resolveA1(book, route.range ?? '');
      clearValues(bounds);
      return { spreadsheetId: book.spreadsheetId, clearedRange: boundsA1(bounds) };
    }
    case `${v}batchClear`: {
      const ranges = (body.ranges as string[] | undefined) ?? [];
      const cleared = ranges.map((r) => {
        const { bounds } = resolveA1(book, r);
        clearValues(bounds);
        return boundsA1(bounds);
      });
      return { spreadsheetId: book.spreadsheetId, clearedRanges: cleared };
    }
    case `${v}append`:
      return append(book, route.range ?? '', body, req.query);
    case 'sheets.spreadsheets.batchUpdate':
      return batchUpdate(book, body);
    default:
      throw sheetsError(400, `Unsupported method ${route.method}`);
  }
}

/**
 * `values.append`: find the table in the range (the rows from its top that hold values in its
 * columns) and write after its last row.
 */
function append(
  book: SpreadsheetState,
  rangeText: string,
  body: ValueRangeBody,
  query: URLSearchParams,
): Json {
  const option = inputOption(query.get('valueInputOption'));
  const insert = enumParam(
    query,
    'insertDataOption',
    ['OVERWRITE', 'INSERT_ROWS'] as const,
    'OVERWRITE',
  );
  const { a1, bounds } = resolveA1(book, rangeText);
  const grid = bounds.sheet.properties.gridProperties;
  let last = a1.startRow - 1;
  for (let r = a1.startRow; r < grid.rowCount; r++) {
    for (let c = bounds.startCol; c < Math.min(bounds.endCol, grid.columnCount); c++) {
      if (hasValue(getCell(bounds.sheet, r, c))) last = r;
    }
  }
  const title = bounds.sheet.properties.title;
  const startRow = last + 1;
  const rows = body.values ?? [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (insert === 'INSERT_ROWS' && rows.length > 0) {
    bounds.sheet.rows.splice(startRow, 0, ...rows.map(() => [] as (Cell | undefined)[]));
    grid.rowCount += rows.length;
  }
  const updates = writeValues(
    book,
    `${quoteSheet(title)}!${columnLetters(a1.startCol)}${startRow + 1}`,
    { values: rows, majorDimension: body.majorDimension },
    option,
  );
  const result: Json = { spreadsheetId: book.spreadsheetId, updates };
  if (last >= a1.startRow)
    result.tableRange = formatA1(
      title,
      a1.startRow,
      last + 1,
      bounds.startCol,
      Math.max(bounds.startCol + 1, Math.min(bounds.endCol, a1.startCol + width)),
    );
  return result;
}
