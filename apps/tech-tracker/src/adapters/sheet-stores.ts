import type { Env } from '@toolbelt/cli-kit';
import type { GoogleCallOptions, GoogleCaller, SheetStore } from '@toolbelt/google';

/** How the sync reaches its two spreadsheets. */
export interface SheetStoresOptions {
  /** MOT: Google id/URL or `.xlsx` path. */
  mot: string;
  /** Tech Tracker: Google id/URL or `.xlsx` path. */
  tracker: string;
  /** Environment: credentials (`CREDENTIALS_FILE`, `GOOGLE_ACCESS_TOKEN`) and `GOOGLE_API_ROOT_URL`. */
  env: Env;
  /** Retry and timing of Google calls (tests shorten the back-off). */
  google?: Omit<GoogleCallOptions, 'caller'>;
}

/** The two stores and the count of Google calls they made together. */
export interface SheetStores {
  mot: SheetStore;
  tracker: SheetStore;
  apiCalls(): Record<string, number>;
}

/**
 * Picks an adapter per reference: Google Sheets for an id or URL, a workbook for `.xlsx`.
 * `@toolbelt/google` (and through it googleapis/exceljs) is loaded only here, lazily.
 */
export async function openSheetStores(options: SheetStoresOptions): Promise<SheetStores> {
  const google = await import('@toolbelt/google');
  const refs = { mot: google.parseSpreadsheetRef(options.mot), tracker: google.parseSpreadsheetRef(options.tracker) };
  let caller: GoogleCaller | undefined;
  const open = (input: string, ref: (typeof refs)['mot']): SheetStore => {
    if (ref.kind === 'xlsx') return google.createXlsxSheetStore({ path: ref.path });
    caller ??= google.createGoogleCaller(options.google ?? {});
    const rootUrl = options.env.GOOGLE_API_ROOT_URL?.trim();
    return google.createGoogleSheetStore({
      spreadsheetId: input,
      auth: google.resolveGoogleAuth(options.env),
      caller,
      ...(rootUrl ? { rootUrl } : {}),
      authOptions: { env: options.env },
    });
  };
  const mot = open(options.mot, refs.mot);
  const tracker = open(options.tracker, refs.tracker);
  return { mot, tracker, apiCalls: () => caller?.callCounts() ?? {} };
}
