/** The HTTP server of the Google API stand-in: routing, auth check, faults, request log. */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { columnLetters, parseA1 } from './a1.js';
import { type CalendarState, handleCalendar, insertEvent, routeCalendar } from './calendar-api.js';
import { GoogleHttpError, sheetsError } from './errors.js';
import { type Fault, FaultQueue, faultError } from './faults.js';
import { applyFields, parseFields } from './field-mask.js';
import {
  type NumberFormat,
  type ValueInputOption,
  parseInput,
  renderValue,
  hasValue,
} from './sheets-cells.js';
import { type ApiRequest, handleSheets, routeSheets } from './sheets-api.js';
import { type SpreadsheetState, getCell, growGrid, newSheet, setCell } from './sheets-model.js';

/** A cell as seeded or read back through the state API. */
export type StandInCellValue = string | number | boolean | null;

/** One tab of a seeded spreadsheet. */
export interface StandInTab {
  /** Rows of values from A1. `null` leaves a cell empty. */
  values?: StandInCellValue[][];
  /** Cells (A1, e.g. `D3`, or ranges `D3:D5`) whose text is struck through. */
  strikethrough?: string[];
  /** Number formats by A1 cell or range, e.g. `{ 'J3:J': { type: 'DATE', pattern: 'yyyy-mm-dd' } }`. */
  numberFormats?: Record<string, NumberFormat>;
  /** Grid size; default 1000 x 26, grown to fit `values`. */
  rowCount?: number;
  columnCount?: number;
  /** Fixed sheet id (default: 0 for the first tab, then increasing numbers). */
  sheetId?: number;
}

/** A spreadsheet to seed. */
export interface StandInSpreadsheet {
  title?: string;
  /** Tabs in order. */
  tabs: Record<string, StandInTab>;
  /** How seeded strings are read (default RAW: `'2024-01-01'` stays text). */
  valueInputOption?: ValueInputOption;
  timeZone?: string;
}

/** An event as the Calendar API represents it (the stand-in accepts any Event fields). */
export interface StandInEvent {
  id?: string | null;
  summary?: string | null;
  description?: string | null;
  location?: string | null;
  transparency?: string | null;
  colorId?: string | null;
  status?: string | null;
  /** Required by the API (an insert without it is a 400), optional here to accept `Schema$Event`. */
  start?: { date?: string | null; dateTime?: string | null; timeZone?: string | null } | null;
  end?: { date?: string | null; dateTime?: string | null; timeZone?: string | null } | null;
  extendedProperties?: {
    private?: Record<string, string> | null;
    shared?: Record<string, string> | null;
  } | null;
}

/** One request the stand-in received. */
export interface StandInRequest {
  /** Method id, e.g. `sheets.spreadsheets.batchUpdate`, `calendar.events.list`, `oauth2.token`; `unknown` when unrouted. */
  method: string;
  httpMethod: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  /** The fault that answered it, if any. */
  fault?: Fault['kind'];
}

export interface GoogleStandInOptions {
  /** Decide which bearer tokens are valid (default: any non-empty token). Refused ones get 401. */
  acceptToken?: (token: string) => boolean;
  /** Clock for event stamps (default: real time). */
  now?: () => Date;
}

export interface GoogleStandIn {
  /** `http://127.0.0.1:PORT/`: pass as `rootUrl` to the googleapis clients. */
  readonly rootUrl: string;
  /** OAuth token endpoint (`refresh_token` grant) for `OAuth2Client` `endpoints.oauth2TokenUrl`. */
  readonly tokenUrl: string;
  readonly spreadsheets: {
    seed(id: string, spreadsheet: StandInSpreadsheet): void;
    /** Tab titles in order. */
    listTabs(id: string): string[];
    /**
     * Values of a tab (or an A1 range in it) as the API's UNFORMATTED_VALUE render gives them:
     * numbers stay numbers, trailing empty cells and rows omitted.
     */
    getValues(id: string, tab: string, range?: string): (string | number | boolean)[][];
    /** A1 names of the cells of a tab whose text is struck through. */
    getStrikethrough(id: string, tab: string): string[];
    /** The stored CellData of one cell (`userEnteredValue`, `userEnteredFormat`), or undefined. */
    getCell(id: string, tab: string, a1: string): Record<string, unknown> | undefined;
    /** Grid size of a tab. */
    getGrid(id: string, tab: string): { rowCount: number; columnCount: number; sheetId: number };
    has(id: string): boolean;
    delete(id: string): void;
  };
  readonly calendars: {
    seed(
      id: string,
      events?: readonly StandInEvent[],
      options?: { summary?: string; timeZone?: string },
    ): void;
    /** Events (Google's Event shape), deleted ones only with `includeDeleted`. */
    listEvents(id: string, options?: { includeDeleted?: boolean }): Record<string, unknown>[];
    has(id: string): boolean;
  };
  /** Shorthands of `spreadsheets.seed`, `spreadsheets.getValues`, `calendars.seed`, `calendars.listEvents`. */
  seedSpreadsheet(id: string, spreadsheet: StandInSpreadsheet): void;
  getValues(id: string, tab: string, range?: string): (string | number | boolean)[][];
  seedCalendar(
    id: string,
    events?: readonly StandInEvent[],
    options?: { summary?: string; timeZone?: string },
  ): void;
  listEvents(id: string, options?: { includeDeleted?: boolean }): Record<string, unknown>[];
  readonly faults: {
    add(fault: Fault): void;
    clear(): void;
    pending(): Fault[];
  };
  readonly requests: {
    /** Every request so far, in order. */
    log(): StandInRequest[];
    /** Requests by method id (faulted ones included: they count against quota too). */
    counts(): Record<string, number>;
    count(method?: string): number;
    /** Most API requests that were being handled at the same time (checks client concurrency). */
    maxInFlight(): number;
    /** Forget the log and reset `maxInFlight`. */
    clear(): void;
  };
  stop(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new GoogleHttpError(400, {
      error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' },
    });
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res
    .writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
    .end(JSON.stringify(body));
}

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Start the stand-in on 127.0.0.1 (a free port). It keeps spreadsheets and calendars in memory,
 * answers the Sheets v4 and Calendar v3 calls the Toolbelt adapters make as Google does, and
 * can be told to fail.
 */
export async function startGoogleStandIn(
  options: GoogleStandInOptions = {},
): Promise<GoogleStandIn> {
  const books = new Map<string, SpreadsheetState>();
  const calendars = new Map<string, CalendarState>();
  const faults = new FaultQueue();
  const log: StandInRequest[] = [];
  const now = options.now ?? (() => new Date());
  const acceptToken = options.acceptToken ?? ((t: string) => t.length > 0);
  let issued = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let rootUrl = '';
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const httpMethod = req.method ?? 'GET';
    const rawPath = url.pathname;
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? (all[0] as string) : all;
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => (inFlight -= 1));
    const entry: StandInRequest = {
      method: 'unknown',
      httpMethod,
      path: decodeURIComponent(rawPath),
      query,
      body: undefined,
      status: 0,
    };
    log.push(entry);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      send(res, status, body, headers);
    };
    try {
      const raw = await readRaw(req);
      entry.body = parseBody(raw, req.headers['content-type']);
      if (rawPath === '/token' && httpMethod === 'POST') {
        entry.method = 'oauth2.token';
        const form = (entry.body ?? {}) as Record<string, string>;
        if (form.grant_type !== 'refresh_token' || !form.refresh_token) {
          reply(400, { error: 'invalid_grant', error_description: 'Bad Request' });
          return;
        }
        issued += 1;
        reply(200, {
          access_token: `stand-in-access-${issued}`,
          expires_in: 3599,
          token_type: 'Bearer',
          scope: form.scope ?? '',
        });
        return;
      }
      const sheetsRoute = routeSheets(httpMethod, rawPath);
      const calendarRoute = sheetsRoute ? undefined : routeCalendar(httpMethod, rawPath);
      const api = sheetsRoute ? 'sheets' : 'calendar';
      entry.method = sheetsRoute?.method ?? calendarRoute?.method ?? 'unknown';
      if (!sheetsRoute && !calendarRoute) {
        reply(404, {
          error: {
            code: 404,
            message: `The Google API stand-in has no route for ${httpMethod} ${rawPath}`,
            status: 'NOT_FOUND',
          },
        });
        return;
      }
      const fault = faults.take(entry.method);
      if (fault) entry.fault = fault.kind;
      if (fault?.kind === 'slow') {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, fault.delayMs);
          timers.add(t);
        });
        if (res.destroyed) {
          entry.status = 499;
          return;
        }
      }
      const failure = fault ? faultError(fault, api) : undefined;
      if (failure) throw failure;
      const auth = req.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? '';
      if (!(token && acceptToken(token)) && !url.searchParams.get('key')) {
        const refused = faultError({ kind: 'unauthenticated' }, api);
        if (refused) throw refused;
      }
      const apiReq: ApiRequest = { httpMethod, query: url.searchParams, body: entry.body };
      let result: unknown;
      if (sheetsRoute) result = handleSheets(sheetsRoute, apiReq, books, rootUrl);
      else if (calendarRoute) result = handleCalendar(calendarRoute, apiReq, calendars, now());
      if (result === undefined) {
        reply(204, undefined);
        return;
      }
      const fields = url.searchParams.get('fields');
      if (fields) {
        let tree;
        try {
          tree = parseFields(fields);
        } catch {
          throw sheetsError(400, `Invalid field selection ${fields}`);
        }
        result = applyFields(result, tree);
      }
      reply(200, result);
    } catch (error) {
      if (error instanceof GoogleHttpError) reply(error.status, error.body, error.headers);
      else
        reply(500, {
          error: {
            code: 500,
            message: `Stand-in failure: ${error instanceof Error ? error.message : String(error)}`,
            status: 'INTERNAL',
          },
        });
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  rootUrl = `http://127.0.0.1:${port}/`;

  const book = (id: string): SpreadsheetState => {
    const b = books.get(id);
    if (!b) throw new Error(`No spreadsheet ${id} in the stand-in`);
    return b;
  };
  const tabOf = (id: string, tab: string) => {
    const sheet = book(id).sheets.find((s) => s.properties.title === tab);
    if (!sheet) throw new Error(`No tab ${tab} in spreadsheet ${id}`);
    return sheet;
  };
  const cellsOf = (title: string, a1: string): [number, number][] => {
    const r = parseA1(`'${title.replaceAll("'", "''")}'!${a1}`, [title]);
    if (!r) throw new Error(`Bad A1 range ${a1}`);
    const out: [number, number][] = [];
    for (let i = r.startRow; i < (r.endRow ?? 1000); i++)
      for (let j = r.startCol; j < (r.endCol ?? 26); j++) out.push([i, j]);
    return out;
  };

  const standIn: GoogleStandIn = {
    rootUrl,
    tokenUrl: `${rootUrl}token`,
    spreadsheets: {
      seed(id, spreadsheet) {
        const state: SpreadsheetState = {
          spreadsheetId: id,
          title: spreadsheet.title ?? id,
          locale: 'en_US',
          timeZone: spreadsheet.timeZone ?? 'Etc/GMT',
          sheets: [],
          nextSheetId: 1_190_000_000,
        };
        for (const [title, tab] of Object.entries(spreadsheet.tabs)) {
          const sheet = newSheet(state, title, {
            sheetId: tab.sheetId,
            rowCount: tab.rowCount,
            columnCount: tab.columnCount,
          });
          const values = tab.values ?? [];
          growGrid(sheet, values.length, Math.max(0, ...values.map((r) => r.length)));
          values.forEach((row, i) =>
            row.forEach((value, j) => {
              if (value === null) return;
              const parsed = parseInput(value, spreadsheet.valueInputOption ?? 'RAW');
              if (parsed.value)
                setCell(sheet, i, j, {
                  userEnteredValue: parsed.value,
                  userEnteredFormat: parsed.format ? { numberFormat: parsed.format } : undefined,
                });
            }),
          );
          for (const a1 of tab.strikethrough ?? []) {
            for (const [i, j] of cellsOf(title, a1)) {
              const cell = getCell(sheet, i, j) ?? {};
              setCell(sheet, i, j, {
                ...cell,
                userEnteredFormat: {
                  ...cell.userEnteredFormat,
                  textFormat: { ...cell.userEnteredFormat?.textFormat, strikethrough: true },
                },
              });
            }
          }
          for (const [a1, numberFormat] of Object.entries(tab.numberFormats ?? {})) {
            for (const [i, j] of cellsOf(title, a1)) {
              if (i >= sheet.properties.gridProperties.rowCount) break;
              const cell = getCell(sheet, i, j) ?? {};
              setCell(sheet, i, j, {
                ...cell,
                userEnteredFormat: { ...cell.userEnteredFormat, numberFormat },
              });
            }
          }
        }
        books.set(id, state);
      },
      listTabs: (id) => book(id).sheets.map((s) => s.properties.title),
      getValues(id, tab, range) {
        const sheet = tabOf(id, tab);
        const grid = sheet.properties.gridProperties;
        const r = range ? parseA1(`'${tab.replaceAll("'", "''")}'!${range}`, [tab]) : undefined;
        if (range && !r) throw new Error(`Bad A1 range ${range}`);
        const out: (string | number | boolean)[][] = [];
        for (let i = r?.startRow ?? 0; i < (r?.endRow ?? grid.rowCount); i++) {
          const row: (string | number | boolean)[] = [];
          let last = -1;
          for (let j = r?.startCol ?? 0; j < (r?.endCol ?? grid.columnCount); j++) {
            const cell = getCell(sheet, i, j);
            row.push(hasValue(cell) ? renderValue(cell, 'UNFORMATTED_VALUE', false) : '');
            if (hasValue(cell)) last = row.length - 1;
          }
          out.push(row.slice(0, last + 1));
        }
        while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
        return out;
      },
      getStrikethrough(id, tab) {
        const sheet = tabOf(id, tab);
        const out: string[] = [];
        sheet.rows.forEach((row, i) =>
          row?.forEach((cell, j) => {
            if (cell?.userEnteredFormat?.textFormat?.strikethrough)
              out.push(`${columnLetters(j)}${i + 1}`);
          }),
        );
        return out;
      },
      getCell(id, tab, a1) {
        const [[i, j] = [0, 0]] = cellsOf(tab, a1);
        const cell = getCell(tabOf(id, tab), i, j);
        return cell ? structuredClone(cell) : undefined;
      },
      getGrid(id, tab) {
        const p = tabOf(id, tab).properties;
        return {
          rowCount: p.gridProperties.rowCount,
          columnCount: p.gridProperties.columnCount,
          sheetId: p.sheetId,
        };
      },
      has: (id) => books.has(id),
      delete: (id) => void books.delete(id),
    },
    calendars: {
      seed(id, events = [], opts = {}) {
        const cal: CalendarState = {
          id,
          summary: opts.summary ?? id,
          timeZone: opts.timeZone ?? 'UTC',
          events: new Map(),
          revision: 0,
        };
        for (const event of events) {
          const inserted = insertEvent(cal, { ...event, status: undefined }, now());
          if (event.status === 'cancelled') inserted.status = 'cancelled';
        }
        calendars.set(id, cal);
      },
      listEvents(id, opts = {}) {
        const cal = calendars.get(id);
        if (!cal) throw new Error(`No calendar ${id} in the stand-in`);
        return [...cal.events.values()]
          .filter((e) => opts.includeDeleted || e.status !== 'cancelled')
          .map((e) => structuredClone(e));
      },
      has: (id) => calendars.has(id),
    },
    seedSpreadsheet: (id, spreadsheet) => standIn.spreadsheets.seed(id, spreadsheet),
    getValues: (id, tab, range) => standIn.spreadsheets.getValues(id, tab, range),
    seedCalendar: (id, events, opts) => standIn.calendars.seed(id, events, opts),
    listEvents: (id, opts) => standIn.calendars.listEvents(id, opts),
    faults: {
      add: (fault) => faults.add(fault),
      clear: () => faults.clear(),
      pending: () => faults.pending(),
    },
    requests: {
      log: () => log.map((e) => ({ ...e })),
      counts() {
        const out: Record<string, number> = {};
        for (const e of log) out[e.method] = (out[e.method] ?? 0) + 1;
        return out;
      },
      count: (method) =>
        method === undefined ? log.length : log.filter((e) => e.method === method).length,
      maxInFlight: () => maxInFlight,
      clear: () => {
        log.length = 0;
        maxInFlight = inFlight;
      },
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
