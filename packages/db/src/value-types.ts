/**
 * One reading of PostgreSQL values for both adapters, so the same SQL gives the same JS
 * values on `pg` and on PGlite (see `Queryable` for the table).
 */

/** Type OIDs whose text form we parse ourselves. */
export const typeOids = {
  int8: 20,
  date: 1082,
  timestamp: 1114,
  int8Array: 1016,
  dateArray: 1182,
  timestampArray: 1115,
} as const;

/** int8 -> number while exact, else the decimal string (never a lossy number). */
export function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/** date -> 'YYYY-MM-DD' as stored: a calendar date has no time zone to shift it by. */
export function parseDate(text: string): string {
  return text;
}

/** timestamp without time zone -> Date, read as UTC (not the machine's zone). */
export function parseTimestamp(text: string): Date | string {
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text)) return text; // infinity, BC
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/**
 * Parameters both adapters send the same way: Date as ISO-8601 (UTC), bigint as decimal
 * text, plain objects as JSON.
 */
export function toParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  ) {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return value.map(toParam);
  return value;
}
