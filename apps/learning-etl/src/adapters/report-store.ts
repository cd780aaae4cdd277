import type { Env } from '@toolbelt/cli-kit';
import type { SheetStore } from '@toolbelt/google';

/** Options of {@link openReportStore}. */
export interface ReportStoreOptions {
  /** `--report` / `REPORT_SPREADSHEET_ID`: a Google spreadsheet id or URL, or an `.xlsx` path. */
  ref: string;
  /** Environment for Google credentials (`GOOGLE_ACCESS_TOKEN`, `CREDENTIALS_FILE`, `GOOGLE_APPLICATION_CREDENTIALS`) and `GOOGLE_API_ROOT_URL`. */
  env: Env;
}

/**
 * The report's `SheetStore`: an `.xlsx` workbook or a Google spreadsheet (googleapis loaded
 * lazily). Google credentials are google's rule (`resolveGoogleAuth`): none is AUTH (77).
 */
export async function openReportStore(options: ReportStoreOptions): Promise<SheetStore> {
  const google = await import('@toolbelt/google');
  const ref = options.ref.trim();
  if (/\.xlsx$/i.test(ref)) return google.createXlsxSheetStore({ path: ref });
  const rootUrl = options.env.GOOGLE_API_ROOT_URL?.trim() || undefined;
  return google.createGoogleSheetStore({
    spreadsheetId: ref,
    auth: google.resolveGoogleAuth(options.env),
    rootUrl,
  });
}
