/** The selectors apps call: a reference (id, URL or path) + env -> the right adapter. */
import type { Env } from '@toolbelt/i18n';
import { type AuthClientOptions, type GoogleAuthConfig, resolveGoogleAuth } from './auth.js';
import type { GoogleCallOptions } from './google-call.js';
import { createGoogleCalendarSink } from './google-calendar-sink.js';
import { createGoogleSheetStore } from './google-sheet-store.js';
import { createIcsCalendarSink } from './ics-calendar-sink.js';
import type { CalendarSink, SheetStore } from './ports.js';
import { parseCalendarRef, parseSpreadsheetRef } from './spreadsheet-ref.js';
import { createXlsxSheetStore } from './xlsx-sheet-store.js';

/** Options of the selectors; all optional, env fills the rest. */
export interface OpenOptions extends GoogleCallOptions {
  /** Credentials; default from env (`GOOGLE_ACCESS_TOKEN`, `CREDENTIALS_FILE`, `GOOGLE_APPLICATION_CREDENTIALS`). */
  auth?: GoogleAuthConfig;
  /** API root; default env `GOOGLE_API_ROOT_URL`, else Google. */
  rootUrl?: string;
  scopes?: readonly string[];
  authOptions?: AuthClientOptions;
}

function googleOptions(env: Env, options: OpenOptions) {
  const rootUrl = options.rootUrl ?? (env.GOOGLE_API_ROOT_URL?.trim() || undefined);
  return {
    ...options,
    auth: options.auth ?? resolveGoogleAuth(env),
    rootUrl,
    authOptions: { env, ...options.authOptions },
  };
}

/**
 * A Google spreadsheet id/URL -> Google Sheets (credentials from env, AUTH error if none);
 * a `.xlsx` path -> the workbook. Nothing heavy is loaded until the store is used.
 */
export function openSheetStore(ref: string, env: Env, options: OpenOptions = {}): SheetStore {
  const parsed = parseSpreadsheetRef(ref);
  if (parsed.kind === 'xlsx') return createXlsxSheetStore({ path: parsed.path });
  return createGoogleSheetStore({
    ...googleOptions(env, options),
    spreadsheetId: parsed.spreadsheetId,
  });
}

/** A `.ics` path -> the file; anything else is a Google calendar id. */
export function openCalendarSink(
  ref: string,
  env: Env,
  options: OpenOptions & { concurrency?: number; icsName?: string } = {},
): CalendarSink {
  const parsed = parseCalendarRef(ref);
  if (parsed.kind === 'ics')
    return createIcsCalendarSink({
      path: parsed.path,
      name: options.icsName || undefined,
    });
  return createGoogleCalendarSink({
    ...googleOptions(env, options),
    calendarId: parsed.calendarId,
  });
}
