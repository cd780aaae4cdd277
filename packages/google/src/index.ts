export type * from './ports.js';
export { openSheetStore, openCalendarSink } from './open-stores.js';
export type { OpenOptions } from './open-stores.js';
export { parseSpreadsheetRef, parseCalendarRef, spreadsheetUrl } from './spreadsheet-ref.js';
export type { SpreadsheetRef, CalendarRef } from './spreadsheet-ref.js';
export { createXlsxSheetStore, xmlSafeText } from './xlsx-sheet-store.js';
export type { XlsxSheetStoreOptions } from './xlsx-sheet-store.js';
export { createGoogleSheetStore } from './google-sheet-store.js';
export type { GoogleSheetStore, GoogleSheetStoreOptions } from './google-sheet-store.js';
export { createIcsCalendarSink, ICS_PRIVATE_PROPERTY, icsSafeText } from './ics-calendar-sink.js';
export type { IcsCalendarSinkOptions } from './ics-calendar-sink.js';
export { createGoogleCalendarSink } from './google-calendar-sink.js';
export type { GoogleCalendarSink, GoogleCalendarSinkOptions } from './google-calendar-sink.js';
export {
  resolveGoogleAuth,
  createGoogleAuthClient,
  describeAuth,
  googleScopes,
  defaultTokenFile,
  configDir,
} from './auth.js';
export type { GoogleAuthConfig, AuthClientOptions } from './auth.js';
export { columnIndex, columnLetters, parseTabRange, quoteTab } from './a1-range.js';
export type { TabRange } from './a1-range.js';
export { createGoogleCaller, classifyGoogleError } from './google-call.js';
export type {
  GoogleCaller,
  GoogleCallOptions,
  RetryPolicy,
  RequestOptions,
  GoogleFailure,
} from './google-call.js';
