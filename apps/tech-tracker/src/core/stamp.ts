/**
 * Local date and time in a time zone, computed from an instant passed in (the core reads no
 * clock).
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

/** True when `timeZone` is an IANA zone this runtime knows (`America/Los_Angeles`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day of `now` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(now: Date, timeZone: string): string {
  const p = parts(now, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
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

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
