import { ToolbeltError } from '@toolbelt/errors';
import type { SheetStore } from '@toolbelt/google';

/** Embedded default report: a workbook in the working directory. */
export const DEFAULT_REPORT = 'reports/learning-report.xlsx';

/** Options of {@link openReportStore}. */
export interface ReportStoreOptions {
  /** `--report` / `REPORT_SPREADSHEET_ID`: a Google spreadsheet id or URL, or an `.xlsx` path. */
  ref: string;
  /** Environment for Google credentials (`GOOGLE_ACCESS_TOKEN`, `CREDENTIALS_FILE`, `GOOGLE_APPLICATION_CREDENTIALS`) and `GOOGLE_API_ROOT_URL`. */
  env: Readonly<Record<string, string | undefined>>;
}

/** The report's `SheetStore`: an `.xlsx` workbook or a Google spreadsheet (googleapis loaded lazily). */
export async function openReportStore(options: ReportStoreOptions): Promise<SheetStore> {
  const google = await import('@toolbelt/google');
  const ref = options.ref.trim();
  if (/\.xlsx$/i.test(ref)) return google.createXlsxSheetStore({ path: ref });
  const { env } = options;
  const token = env.GOOGLE_ACCESS_TOKEN?.trim();
  const variable = ['CREDENTIALS_FILE', 'GOOGLE_APPLICATION_CREDENTIALS'].find((name) =>
    env[name]?.trim(),
  );
  if (!token && !variable) {
    throw new ToolbeltError(
      'AUTH',
      'A Google report needs credentials: set CREDENTIALS_FILE or GOOGLE_APPLICATION_CREDENTIALS',
      {
        key: 'google:errors.noCredentials',
        params: { variables: 'CREDENTIALS_FILE or GOOGLE_APPLICATION_CREDENTIALS' },
      },
    );
  }
  const auth = token
    ? ({ kind: 'access-token', accessToken: token } as const)
    : ({ kind: 'key-file', file: env[variable ?? '']?.trim() ?? '', variable } as const);
  const rootUrl = env.GOOGLE_API_ROOT_URL?.trim();
  return google.createGoogleSheetStore({
    spreadsheetId: ref,
    auth,
    ...(rootUrl ? { rootUrl } : {}),
  });
}
