import type { Env } from '@toolbelt/cli-kit';
import { ToolbeltError } from '@toolbelt/errors';
import type { GoogleSheetStoreOptions, SheetStore } from '@toolbelt/google';

/** Retry and timing of Google calls (tests shorten the back-off). */
export type GoogleTiming = Pick<
  GoogleSheetStoreOptions,
  'retry' | 'timeoutMs' | 'sleep' | 'random' | 'onRetry'
>;

/** How the sync reaches its two spreadsheets. */
export interface SheetStoresOptions {
  /** MOT: Google id/URL or `.xlsx` path. */
  mot: string;
  /** Tech Tracker: Google id/URL or `.xlsx` path. */
  tracker: string;
  /** Environment: credentials (`GOOGLE_ACCESS_TOKEN`, `CREDENTIALS_FILE`) and `GOOGLE_API_ROOT_URL`. */
  env: Env;
  google?: GoogleTiming;
}

/** The two stores and the Google calls they made together. */
export interface SheetStores {
  mot: SheetStore;
  tracker: SheetStore;
  apiCalls(): Record<string, number>;
}

type Ref = { kind: 'google'; id: string } | { kind: 'xlsx'; path: string };

const SHEET_URL = /^https?:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;
const SHEET_ID = /^[A-Za-z0-9_-]{25,}$/;

/** A spreadsheet reference: a Google URL or id, or an `.xlsx` path; else USAGE naming the flag. */
export function parseSheetRef(input: string, flag: string): Ref {
  const text = input.trim();
  const url = SHEET_URL.exec(text);
  if (url?.[1]) return { kind: 'google', id: url[1] };
  if (/\.xlsx$/i.test(text)) return { kind: 'xlsx', path: text };
  if (SHEET_ID.test(text)) return { kind: 'google', id: text };
  const params = { input, flag };
  throw new ToolbeltError(
    'USAGE',
    `${flag} ${input} is neither a Google spreadsheet id or URL nor a path to an .xlsx file`,
    { key: 'tech-tracker:errors.notSpreadsheet', params },
  );
}

/** Credentials for Google: `GOOGLE_ACCESS_TOKEN`, else the key file in `CREDENTIALS_FILE` (original name). */
function googleAuth(env: Env): GoogleSheetStoreOptions['auth'] {
  const token = env.GOOGLE_ACCESS_TOKEN?.trim();
  if (token) return { kind: 'access-token', accessToken: token };
  for (const variable of ['CREDENTIALS_FILE', 'GOOGLE_APPLICATION_CREDENTIALS']) {
    const file = env[variable]?.trim();
    if (file) return { kind: 'key-file', file, variable };
  }
  const params = { variables: 'CREDENTIALS_FILE or GOOGLE_APPLICATION_CREDENTIALS' };
  throw new ToolbeltError(
    'AUTH',
    'No Google credentials: set CREDENTIALS_FILE to a service-account key file or an OAuth desktop client file, or GOOGLE_ACCESS_TOKEN.',
    {
      key: 'google:errors.noCredentials',
      params,
    },
  );
}

/**
 * Picks an adapter per reference: Google Sheets for an id or URL, a workbook for `.xlsx`.
 * `@toolbelt/google` (and through it googleapis/exceljs) is loaded only here, lazily.
 */
export async function openSheetStores(options: SheetStoresOptions): Promise<SheetStores> {
  const refs = {
    mot: parseSheetRef(options.mot, '--mot'),
    tracker: parseSheetRef(options.tracker, '--tracker'),
  };
  const google = await import('@toolbelt/google');
  const counters: (() => Record<string, number>)[] = [];
  const rootUrl = options.env.GOOGLE_API_ROOT_URL?.trim();
  const open = (ref: Ref): SheetStore => {
    if (ref.kind === 'xlsx') return google.createXlsxSheetStore({ path: ref.path });
    const store = google.createGoogleSheetStore({
      spreadsheetId: ref.id,
      auth: googleAuth(options.env),
      ...(options.google ?? {}),
      ...(rootUrl ? { rootUrl } : {}),
      authOptions: { env: options.env },
    });
    counters.push(() => store.callCounts());
    return store;
  };
  const mot = open(refs.mot);
  const tracker = open(refs.tracker);
  return {
    mot,
    tracker,
    apiCalls: () => {
      const total: Record<string, number> = {};
      for (const counts of counters)
        for (const [method, n] of Object.entries(counts()))
          total[method] = (total[method] ?? 0) + n;
      return total;
    },
  };
}
