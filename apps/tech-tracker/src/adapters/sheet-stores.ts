import type { Env } from '@toolbelt/cli-kit';
import type { GoogleSheetStoreOptions, SheetStore } from '@toolbelt/google';
import { messages } from '../i18n/index.js';

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

/**
 * Opens both spreadsheets with `@toolbelt/google`'s selector (Google id/URL -> Sheets, `.xlsx`
 * -> workbook) and one shared call counter. The package is imported here, lazily, so that
 * `--help` never loads it; it loads googleapis/exceljs only when a store is used.
 */
export async function openSheetStores(options: SheetStoresOptions): Promise<SheetStores> {
  const google = await import('@toolbelt/google');
  const caller = google.createGoogleCaller(options.google ?? {});
  const open = (ref: string, flag: string): SheetStore => {
    try {
      google.parseSpreadsheetRef(ref);
    } catch (cause) {
      throw messages.error('USAGE', 'errors.notSpreadsheet', { input: ref, flag }, { cause });
    }
    return google.openSheetStore(ref, options.env, { caller });
  };
  const mot = open(options.mot, '--mot');
  const tracker = open(options.tracker, '--tracker');
  return { mot, tracker, apiCalls: () => caller.callCounts() };
}
