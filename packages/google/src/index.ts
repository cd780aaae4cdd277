export type * from './ports.js';
export { createXlsxSheetStore } from './xlsx-sheet-store.js';
export type { XlsxSheetStoreOptions } from './xlsx-sheet-store.js';
export { createGoogleSheetStore } from './google-sheet-store.js';
export type { GoogleSheetStore, GoogleSheetStoreOptions } from './google-sheet-store.js';
export { createIcsCalendarSink, ICS_PRIVATE_PROPERTY } from './ics-calendar-sink.js';
export type { IcsCalendarSinkOptions } from './ics-calendar-sink.js';
export { createGoogleCalendarSink } from './google-calendar-sink.js';
export type { GoogleCalendarSink, GoogleCalendarSinkOptions } from './google-calendar-sink.js';
