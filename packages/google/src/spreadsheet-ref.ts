/** Where a spreadsheet or calendar lives: Google (id/URL) or a local file (.xlsx/.ics). */
import { messages } from './i18n/index.js';

export type SpreadsheetRef =
  { kind: 'google'; spreadsheetId: string } | { kind: 'xlsx'; path: string };
export type CalendarRef = { kind: 'google'; calendarId: string } | { kind: 'ics'; path: string };

const SHEET_URL = /^https?:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;
const SHEET_ID = /^[A-Za-z0-9_-]{25,}$/;

/**
 * `https://docs.google.com/spreadsheets/d/<id>/edit#gid=0` or a bare id -> Google;
 * a path ending in `.xlsx` -> a workbook. Anything else is a USAGE error.
 */
export function parseSpreadsheetRef(input: string): SpreadsheetRef {
  const text = input.trim();
  const url = SHEET_URL.exec(text);
  if (url?.[1]) return { kind: 'google', spreadsheetId: url[1] };
  if (/\.xlsx$/i.test(text)) return { kind: 'xlsx', path: text };
  if (SHEET_ID.test(text)) return { kind: 'google', spreadsheetId: text };
  const params = { input };
  throw messages.error('USAGE', 'errors.notSpreadsheet', params);
}

/** A path ending in `.ics` -> a file; anything else is a Google calendar id (`primary`, `...@group.calendar.google.com`). */
export function parseCalendarRef(input: string): CalendarRef {
  const text = input.trim();
  if (/\.ics$/i.test(text)) return { kind: 'ics', path: text };
  return { kind: 'google', calendarId: text };
}

/** The link people open for a spreadsheet id. */
export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}
