/**
 * The A2 stamp in a time zone, computed from an instant passed in (the core reads no clock).
 * Dates as such (`localDate`, `isIsoDate`, `isTimeZone`) are `@toolbelt/dates`'.
 */

function parts(
  now: Date,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-US', { timeZone, ...options }).formatToParts(
    now,
  )) {
    out[part.type] = part.value;
  }
  return out;
}

/** The A2 text: `LAST UPDATED: MM/DD/YY @ H:MM AM/PM` in `timeZone`. */
export function formatLastUpdated(now: Date, timeZone: string): string {
  const p = parts(now, timeZone, {
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  });
  return `LAST UPDATED: ${p.month}/${p.day}/${p.year} @ ${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toUpperCase()}`;
}
