/** A cell as read or written: numbers stay numbers (dates as spreadsheet serial numbers). */
export type CellValue = string | number | boolean | null;

export interface TabRequest {
  /** Tab (sheet) title, e.g. `Master_23-24`. */
  tab: string;
  /** A1 range inside the tab (`B5:S`); default the whole tab. */
  range?: string;
  /** Also read strikethrough formatting of this 0-based column (relative to the range start). */
  strikethroughColumn?: number;
}

export interface TabData {
  tab: string;
  /** Rows of cells from the range's top-left; trailing empty cells and rows omitted, as Google does. */
  values: CellValue[][];
  /** When requested: `struck[i]` is true when row i's cell in that column is struck through. */
  struck?: boolean[];
}

export type SheetWrite =
  /** Clear values in a range (formatting kept). */
  | { kind: 'clear'; tab: string; range: string }
  /** Write values with their top-left at `range`'s first cell. Strings are written as-is (RAW). */
  | { kind: 'values'; tab: string; range: string; values: CellValue[][] }
  /** Number format for a range, e.g. `{ type: 'DATE', pattern: 'dd.mm.yyyy' }`. */
  | {
      kind: 'format';
      tab: string;
      range: string;
      numberFormat: { type: 'DATE' | 'NUMBER' | 'TEXT' | 'PERCENT'; pattern: string };
    }
  /** Sort rows of a range by a 0-based column of that range. */
  | { kind: 'sort'; tab: string; range: string; column: number; ascending: boolean };

/** The `SheetStore` port: a Google spreadsheet or an `.xlsx` workbook. */
export interface SheetStore {
  readonly kind: 'google' | 'xlsx';
  /** Link or path for people (a report e-mail names it). */
  readonly location: string;
  /** Titles of the tabs, in order. */
  listTabs(): Promise<string[]>;
  /**
   * Read several tabs in as few calls as possible (Google: one `spreadsheets.get`).
   * A missing tab is a DATA error naming it and listing the tabs that exist.
   */
  readTabs(requests: readonly TabRequest[]): Promise<TabData[]>;
  /** Apply all writes as one batch (Google: one `spreadsheets.batchUpdate`; xlsx: one file save). */
  write(writes: readonly SheetWrite[]): Promise<void>;
  /** Create a tab if it does not exist. */
  ensureTab(tab: string): Promise<void>;
  /**
   * Added (optional, so fakes need not implement it): API requests sent so far, by method,
   * retries included. Google adapters implement it; file adapters return `{}`.
   */
  callCounts?(): CallCounts;
}

/** An all-day event as support-rota writes it. Dates are `YYYY-MM-DD`; `end` is exclusive. */
export interface CalendarEvent {
  /** Client-chosen id (base32hex: lowercase a-v and 0-9, 5-1024 chars). */
  id: string;
  summary: string;
  start: string;
  end: string;
  description?: string;
  /** Private extended properties (e.g. `{ rota: 'data-eng' }`) that mark events we own. */
  privateProperties?: Record<string, string>;
}

export interface ListEventsQuery {
  /** First day (inclusive), `YYYY-MM-DD`. */
  from: string;
  /** Last day (exclusive), `YYYY-MM-DD`; default open-ended. */
  to?: string;
  /** Only events carrying this private extended property. */
  privateProperty?: { key: string; value: string };
}

export type CalendarChange =
  | { kind: 'insert'; event: CalendarEvent }
  | { kind: 'update'; event: CalendarEvent }
  | { kind: 'delete'; id: string };

export interface ApplyResult {
  applied: number;
  /** Changes that failed after retries; the rest were applied. */
  failed: { change: CalendarChange; error: Error }[];
}

/** The `CalendarSink` port: a Google calendar or an `.ics` file. */
export interface CalendarSink {
  readonly kind: 'google' | 'ics';
  readonly location: string;
  /** All events in the window (every page). */
  listEvents(query: ListEventsQuery): Promise<CalendarEvent[]>;
  /**
   * Apply changes with bounded concurrency (ics: one file write). Inserts and updates are
   * upserts (an insert of an existing id updates it; an update of a missing id inserts it);
   * deleting an event that is not there (or already deleted) counts as applied.
   * Credential errors (AUTH) abort the whole call instead of failing each change.
   * `options.onProgress(n)` is told as changes are done (applied or failed), for a progress bar.
   */
  apply(changes: readonly CalendarChange[], options?: ApplyOptions): Promise<ApplyResult>;
  /** Added (optional): API requests sent so far, by method; see `SheetStore.callCounts`. */
  callCounts?(): CallCounts;
}

/** Options of `CalendarSink.apply`. */
export interface ApplyOptions {
  /** Told `n` more changes are done (applied or failed). */
  onProgress?: (n: number) => void;
}

/** Count of external API calls by method, e.g. `{ 'sheets.spreadsheets.get': 1 }`. */
export type CallCounts = Record<string, number>;
