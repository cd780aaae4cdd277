/** `SheetStore` on Google Sheets v4: one `spreadsheets.get` to read, one `batchUpdate` to write. */
import type { sheets_v4 } from '@googleapis/sheets';
import { parseTabRange, quoteTab } from './a1-range.js';
import { googleScopes } from './auth.js';
import { googleAdapter, type GoogleAdapterOptions } from './google-adapter.js';
import { googleStatusOf } from './google-call.js';
import { messages } from './i18n/index.js';
import { badRangeError, tabMissingError } from './store-errors.js';
import type {
  CallCounts,
  CellValue,
  SheetStore,
  SheetWrite,
  TabData,
  TabRequest,
} from './ports.js';
import { trimValues } from './sheet-cells.js';
import { parseSpreadsheetRef, spreadsheetUrl } from './spreadsheet-ref.js';

/** Options of {@link createGoogleSheetStore}. */
export interface GoogleSheetStoreOptions extends GoogleAdapterOptions {
  /** Spreadsheet id or its URL. */
  spreadsheetId: string;
  /** OAuth scopes (default read-write spreadsheets). */
  scopes?: readonly string[];
}

/** The Google adapter: a `SheetStore` that also reports its calls. */
export interface GoogleSheetStore extends SheetStore {
  readonly kind: 'google';
  readonly spreadsheetId: string;
  callCounts(): CallCounts;
}

interface TabInfo {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
}

const PROPERTIES = 'properties(sheetId,title,index,gridProperties(rowCount,columnCount))';

function toCellValue(cell: sheets_v4.Schema$CellData | undefined): CellValue {
  const v = cell?.effectiveValue;
  if (!v) return null;
  if (typeof v.numberValue === 'number') return v.numberValue;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  return null;
}

function toCellData(value: CellValue): sheets_v4.Schema$CellData {
  if (value === null || value === '') return {};
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  return { userEnteredValue: { stringValue: value } };
}

/** Create the Google Sheets adapter. Nothing is loaded or called until the first method call. */
export function createGoogleSheetStore(options: GoogleSheetStoreOptions): GoogleSheetStore {
  const ref = parseSpreadsheetRef(options.spreadsheetId);
  if (ref.kind !== 'google')
    throw messages.error('USAGE', 'errors.notGoogleSheet', { input: options.spreadsheetId });
  const spreadsheetId = ref.spreadsheetId;
  const location = spreadsheetUrl(spreadsheetId);
  const { caller, api } = googleAdapter(
    options,
    [googleScopes.sheets],
    () => import('@googleapis/sheets'),
    ({ sheets }, auth, rootUrl) =>
      sheets({ version: 'v4', auth: auth as sheets_v4.Options['auth'], rootUrl }),
  );
  // What we know of the tabs: `spreadsheets.get` with `ranges` returns only the tabs asked for,
  // so the map may be partial; `complete` says whether it lists every tab.
  let known = new Map<string, TabInfo>();
  let complete = false;

  const remember = (sheets: sheets_v4.Schema$Sheet[] | undefined): TabInfo[] =>
    (sheets ?? []).map((s) => ({
      sheetId: s.properties?.sheetId ?? 0,
      title: s.properties?.title ?? '',
      rowCount: s.properties?.gridProperties?.rowCount ?? 0,
      columnCount: s.properties?.gridProperties?.columnCount ?? 0,
    }));

  const fetchTabs = async (): Promise<TabInfo[]> => {
    const sheets = await api();
    const res = await caller.call(
      'sheets.spreadsheets.get',
      (o) => sheets.spreadsheets.get({ spreadsheetId, fields: `sheets.${PROPERTIES}` }, o),
      spreadsheetId,
    );
    const tabs = remember(res.data.sheets);
    known = new Map(tabs.map((t) => [t.title, t]));
    complete = true;
    return tabs;
  };

  return {
    kind: 'google',
    location,
    spreadsheetId,
    callCounts: () => caller.callCounts(),

    async listTabs() {
      return (await fetchTabs()).map((t) => t.title);
    },

    async readTabs(requests: readonly TabRequest[]): Promise<TabData[]> {
      if (requests.length === 0) return [];
      for (const r of requests)
        if (!parseTabRange(r.range)) throw badRangeError(r.range ?? '', r.tab);
      if (complete) {
        const missing = requests.filter((r) => !known.has(r.tab)).map((r) => r.tab);
        if (missing.length > 0)
          throw tabMissingError([...new Set(missing)], [...known.keys()], location);
      }
      const wantStrike = requests.some((r) => r.strikethroughColumn !== undefined);
      const cellFields = wantStrike
        ? 'effectiveValue,userEnteredFormat/textFormat/strikethrough'
        : 'effectiveValue';
      const fields = `sheets(${PROPERTIES},data(startRow,startColumn,rowData(values(${cellFields}))))`;
      const ranges = requests.map((r) =>
        r.range ? `${quoteTab(r.tab)}!${r.range}` : quoteTab(r.tab),
      );
      const sheets = await api();
      let res;
      try {
        res = await caller.call(
          'sheets.spreadsheets.get',
          (o) =>
            sheets.spreadsheets.get({ spreadsheetId, ranges, includeGridData: true, fields }, o),
          spreadsheetId,
        );
      } catch (error) {
        // A missing tab makes Google answer "Unable to parse range": name it and list the tabs.
        if (googleStatusOf(error) === 400) {
          const existing = (await fetchTabs()).map((t) => t.title);
          const missing = requests.filter((r) => !existing.includes(r.tab)).map((r) => r.tab);
          if (missing.length > 0) throw tabMissingError(missing, existing, location);
        }
        throw error;
      }
      const returned = res.data.sheets ?? [];
      for (const t of remember(returned)) known.set(t.title, t);
      // Each sheet carries one GridData per range asked of it, in request order.
      const cursor = new Map<string, number>();
      return requests.map((r) => {
        const sheet = returned.find((s) => s.properties?.title === r.tab);
        const index = cursor.get(r.tab) ?? 0;
        cursor.set(r.tab, index + 1);
        const data = sheet?.data?.[index];
        const rows = data?.rowData ?? [];
        const values = trimValues(rows.map((row) => (row.values ?? []).map(toCellValue)));
        const out: TabData = { tab: r.tab, values };
        if (r.strikethroughColumn !== undefined) {
          const col = r.strikethroughColumn;
          out.struck = values.map(
            (_, i) => rows[i]?.values?.[col]?.userEnteredFormat?.textFormat?.strikethrough === true,
          );
        }
        return out;
      });
    },

    async write(writes: readonly SheetWrite[]): Promise<void> {
      if (writes.length === 0) return;
      if (writes.some((w) => !known.has(w.tab))) await fetchTabs();
      const byTitle = new Map([...known].map(([title, t]) => [title, { ...t }]));
      const missing = [...new Set(writes.map((w) => w.tab).filter((t) => !byTitle.has(t)))];
      if (missing.length > 0) throw tabMissingError(missing, [...byTitle.keys()], location);
      const grow = new Map<string, { rows: number; cols: number }>();
      const need = (tab: string, rows: number, cols: number): void => {
        const g = grow.get(tab) ?? { rows: 0, cols: 0 };
        grow.set(tab, { rows: Math.max(g.rows, rows), cols: Math.max(g.cols, cols) });
      };
      const requests: sheets_v4.Schema$Request[] = [];
      for (const w of writes) {
        const tab = byTitle.get(w.tab) as TabInfo;
        const range = parseTabRange(w.range);
        if (!range) throw badRangeError(w.range, w.tab);
        const grid: sheets_v4.Schema$GridRange = {
          sheetId: tab.sheetId,
          startRowIndex: range.startRow,
          startColumnIndex: range.startCol,
          endRowIndex: range.endRow,
          endColumnIndex: range.endCol,
        };
        need(w.tab, range.endRow ?? 0, range.endCol ?? 0);
        switch (w.kind) {
          case 'values': {
            const width = Math.max(0, ...w.values.map((r) => r.length));
            need(w.tab, range.startRow + w.values.length, range.startCol + width);
            requests.push({
              updateCells: {
                start: {
                  sheetId: tab.sheetId,
                  rowIndex: range.startRow,
                  columnIndex: range.startCol,
                },
                rows: w.values.map((row) => ({ values: row.map(toCellData) })),
                fields: 'userEnteredValue',
              },
            });
            break;
          }
          case 'clear':
            requests.push({ updateCells: { range: grid, fields: 'userEnteredValue' } });
            break;
          case 'format':
            requests.push({
              repeatCell: {
                range: grid,
                cell: { userEnteredFormat: { numberFormat: w.numberFormat } },
                fields: 'userEnteredFormat.numberFormat',
              },
            });
            break;
          case 'sort':
            requests.push({
              sortRange: {
                range: grid,
                sortSpecs: [
                  {
                    dimensionIndex: range.startCol + w.column,
                    sortOrder: w.ascending ? 'ASCENDING' : 'DESCENDING',
                  },
                ],
              },
            });
            break;
        }
      }
      // updateCells does not grow the grid (Google answers "exceeds grid limits"): append first.
      const growth: sheets_v4.Schema$Request[] = [];
      for (const [title, g] of grow) {
        const tab = byTitle.get(title) as TabInfo;
        if (g.rows > tab.rowCount)
          growth.push({
            appendDimension: {
              sheetId: tab.sheetId,
              dimension: 'ROWS',
              length: g.rows - tab.rowCount,
            },
          });
        if (g.cols > tab.columnCount)
          growth.push({
            appendDimension: {
              sheetId: tab.sheetId,
              dimension: 'COLUMNS',
              length: g.cols - tab.columnCount,
            },
          });
        tab.rowCount = Math.max(tab.rowCount, g.rows);
        tab.columnCount = Math.max(tab.columnCount, g.cols);
      }
      const sheets = await api();
      try {
        await caller.call(
          'sheets.spreadsheets.batchUpdate',
          (o) =>
            sheets.spreadsheets.batchUpdate(
              { spreadsheetId, requestBody: { requests: [...growth, ...requests] } },
              o,
            ),
          spreadsheetId,
        );
      } catch (error) {
        known = new Map();
        complete = false;
        throw error;
      }
      known = byTitle;
    },

    async ensureTab(tab: string): Promise<void> {
      if (known.has(tab)) return;
      await fetchTabs();
      if (known.has(tab)) return;
      const sheets = await api();
      const res = await caller.call(
        'sheets.spreadsheets.batchUpdate',
        (o) =>
          sheets.spreadsheets.batchUpdate(
            {
              spreadsheetId,
              requestBody: { requests: [{ addSheet: { properties: { title: tab } } }] },
            },
            o,
          ),
        spreadsheetId,
      );
      const props = res.data.replies?.[0]?.addSheet?.properties;
      for (const t of remember(props ? [{ properties: props }] : [])) known.set(t.title, t);
    },
  };
}
