export type * from './ports.js';
export { createXlsxSheetStore } from './xlsx-sheet-store.js';
export type { XlsxSheetStoreOptions } from './xlsx-sheet-store.js';
export { createGoogleSheetStore } from './google-sheet-store.js';
export type { GoogleSheetStore, GoogleSheetStoreOptions } from './google-sheet-store.js';
