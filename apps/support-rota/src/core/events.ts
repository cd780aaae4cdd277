import type { CalendarEvent } from '@toolbelt/google';
import { addDays, type IsoDate } from '@toolbelt/dates';
import type { RotaDay } from './plan.js';

/** The private extended property that marks events written by a rota: `{ [ownerKey]: rotaName }`. */
export const ownerKey = 'toolbeltRota';

const base32hex = '0123456789abcdefghijklmnopqrstuv';

/** 64-bit FNV-1a of the UTF-8 bytes, as 13 base32hex characters. */
function hashName(name: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(name)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = (base32hex[Number(h & 31n)] as string) + out;
    h >>= 5n;
  }
  return out;
}

/**
 * The event id of a rota's day: `rota` + a hash of the rota name + the date's digits. Only
 * base32hex characters (Google accepts client ids of a-v and 0-9), the same on every run, so
 * a re-run finds and compares the events it wrote before.
 */
export function eventId(rotaName: string, date: IsoDate): string {
  return idOf(`rota${hashName(rotaName)}`, date);
}

const idOf = (prefix: string, date: IsoDate): string => `${prefix}${date.replaceAll('-', '')}`;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text as a calendar keeps it (RFC 5545 TEXT, the same rule as the .ics adapter's
 * `icsSafeText`): control characters other than tab removed, CRLF and CR made LF, a lone
 * surrogate replaced by U+FFFD. Events are planned with cleaned text, so an unchanged rota
 * compares equal to what the calendar holds and a re-run writes nothing.
 */
export function calendarText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** The summary text of the original tool. */
export function eventSummary(day: Pick<RotaDay, 'lead' | 'assist'>): string {
  return calendarText(`${day.lead} is on support today with ${day.assist} assisting`);
}

/** The value of the ownership mark of a rota's events: its name, as the calendar keeps it. */
export function ownerValue(rotaName: string): string {
  return calendarText(rotaName);
}

/** All-day events of the rota, each marked as owned by the rota. */
export function toCalendarEvents(rota: readonly RotaDay[], rotaName: string): CalendarEvent[] {
  // The name's hash is the same for every day: compute it once.
  const prefix = `rota${hashName(rotaName)}`;
  return rota.map((day) => ({
    id: idOf(prefix, day.date),
    summary: eventSummary(day),
    start: day.date,
    end: addDays(day.date, 1),
    privateProperties: { [ownerKey]: ownerValue(rotaName) },
  }));
}

/** True when the event carries this rota's mark. */
export function isOwnedBy(event: CalendarEvent, rotaName: string): boolean {
  return event.privateProperties?.[ownerKey] === ownerValue(rotaName);
}
