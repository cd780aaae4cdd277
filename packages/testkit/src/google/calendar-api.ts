/** The Calendar v3 events endpoints of the stand-in, over in-memory calendars. */
import { calendarError } from './errors.js';
import type { ApiRequest } from './sheets-api.js';

type Json = Record<string, unknown>;

export interface CalendarState {
  id: string;
  summary: string;
  timeZone: string;
  /** Events by id, in insertion order; deleted events stay with `status: 'cancelled'`. */
  events: Map<string, Json>;
  /** Monotonic counter for etags and `updated` stamps. */
  revision: number;
}

export interface CalendarRoute {
  method: string;
  calendarId: string;
  eventId?: string;
}

/** Map a request path to a Calendar events method; undefined when it is not one. */
export function routeCalendar(httpMethod: string, rawPath: string): CalendarRoute | undefined {
  const m = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(rawPath);
  if (!m?.[1]) return undefined;
  const calendarId = decodeURIComponent(m[1]);
  if (m[2] === undefined) {
    if (httpMethod === 'GET') return { method: 'calendar.events.list', calendarId };
    if (httpMethod === 'POST') return { method: 'calendar.events.insert', calendarId };
    return undefined;
  }
  const eventId = decodeURIComponent(m[2]);
  const byVerb: Record<string, string> = {
    GET: 'get',
    PUT: 'update',
    PATCH: 'patch',
    DELETE: 'delete',
  };
  const verb = byVerb[httpMethod];
  return verb ? { method: `calendar.events.${verb}`, calendarId, eventId } : undefined;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const ID = /^[a-v0-9]{5,1024}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl formatter is slow; one per zone is plenty.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** UTC instant of local midnight of `date` in `timeZone` (an all-day event's boundary). */
export function zonedMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const offsetAt = (t: number): number => {
    const parts = formatterFor(timeZone).formatToParts(new Date(t));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    return (
      Date.UTC(
        get('year'),
        get('month') - 1,
        get('day'),
        get('hour'),
        get('minute'),
        get('second'),
      ) - t
    );
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

function instant(time: unknown, timeZone: string): number | undefined {
  if (!time || typeof time !== 'object') return undefined;
  const t = time as { date?: string; dateTime?: string };
  if (t.dateTime) return Date.parse(t.dateTime);
  if (t.date) return zonedMidnight(t.date, t.date.length === 10 ? timeZone : 'UTC');
  return undefined;
}

function validateTimes(event: Json, cal: CalendarState): void {
  for (const key of ['start', 'end'] as const) {
    const t = event[key] as { date?: string; dateTime?: string } | undefined;
    if (!t || (!t.date && !t.dateTime))
      throw calendarError(400, 'required', `Missing ${key} time.`);
    if (t.date && !/^\d{4}-\d{2}-\d{2}$/.test(t.date))
      throw calendarError(400, 'invalid', `Invalid ${key} time.`);
    if (t.dateTime && !RFC3339.test(t.dateTime) && !(t as { timeZone?: string }).timeZone)
      throw calendarError(400, 'invalid', `Invalid ${key} time.`);
  }
  const start = instant(event.start, cal.timeZone) ?? 0;
  const end = instant(event.end, cal.timeZone) ?? 0;
  if (end <= start)
    throw calendarError(400, 'timeRangeEmpty', 'The specified time range is empty.');
}

const READ_ONLY = [
  'kind',
  'etag',
  'htmlLink',
  'created',
  'updated',
  'creator',
  'organizer',
  'iCalUID',
];

function stamp(cal: CalendarState, event: Json, now: Date): Json {
  cal.revision += 1;
  const iso = new Date(now.getTime() + cal.revision).toISOString();
  return {
    kind: 'calendar#event',
    etag: `"${3000000000000000 + cal.revision}"`,
    id: event.id,
    status: event.status ?? 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${String(event.id)} ${cal.id}`).toString('base64url')}`,
    created: event.created ?? iso,
    updated: iso,
    creator: { email: 'stand-in@example.iam.gserviceaccount.com' },
    organizer: { email: cal.id, displayName: cal.summary, self: true },
    iCalUID: event.iCalUID ?? `${String(event.id)}@google.com`,
    sequence: event.sequence ?? 0,
    reminders: { useDefault: true },
    eventType: 'default',
    ...Object.fromEntries(
      Object.entries(event).filter(
        ([k]) => !READ_ONLY.includes(k) && k !== 'id' && k !== 'status' && k !== 'sequence',
      ),
    ),
  };
}

function newId(cal: CalendarState): string {
  const digits = '0123456789abcdefghijklmnopqrstuv';
  let n = cal.revision * 7919 + cal.events.size + 1;
  let id = '';
  while (id.length < 26) {
    id += digits[n % 32];
    n = Math.floor(n / 32) + 104729 * (id.length + 1);
  }
  return id;
}

/** Insert an event into a calendar: the rules of `events.insert`. */
export function insertEvent(cal: CalendarState, body: Json, now: Date): Json {
  const id =
    body.id === undefined
      ? newId(cal)
      : typeof body.id === 'string'
        ? body.id
        : JSON.stringify(body.id);
  if (!ID.test(id)) throw calendarError(400, 'invalid', 'Invalid resource id value.');
  // A deleted event keeps its id: inserting it again is still a duplicate.
  if (cal.events.has(id))
    throw calendarError(409, 'duplicate', 'The requested identifier already exists.');
  validateTimes(body, cal);
  const event = stamp(
    cal,
    { ...body, id, status: body.status === 'tentative' ? 'tentative' : 'confirmed' },
    now,
  );
  cal.events.set(id, event);
  return event;
}

function mergePatch(target: Json, patch: Json): Json {
  const out: Json = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      target[k] &&
      typeof target[k] === 'object'
    )
      out[k] = mergePatch(target[k] as Json, v as Json);
    else if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

function list(cal: CalendarState, query: URLSearchParams): Json {
  const timeMin = query.get('timeMin');
  const timeMax = query.get('timeMax');
  for (const t of [timeMin, timeMax])
    if (t !== null && !RFC3339.test(t)) throw calendarError(400, 'badRequest', 'Bad Request');
  if (query.get('orderBy') === 'startTime' && query.get('singleEvents') !== 'true')
    throw calendarError(
      400,
      'badRequest',
      'The requested ordering is not available for the particular query.',
    );
  const maxResults = Math.min(Number(query.get('maxResults') ?? 250) || 250, 2500);
  const showDeleted = query.get('showDeleted') === 'true';
  const filters = query.getAll('privateExtendedProperty').map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0) throw calendarError(400, 'invalid', 'Invalid extended property filter.');
    return [p.slice(0, eq), p.slice(eq + 1)] as const;
  });
  const min = timeMin === null ? undefined : Date.parse(timeMin);
  const max = timeMax === null ? undefined : Date.parse(timeMax);
  let items = [...cal.events.values()].filter((e) => {
    if (e.status === 'cancelled' && !showDeleted) return false;
    const start = instant(e.start, cal.timeZone) ?? 0;
    const end = instant(e.end, cal.timeZone) ?? 0;
    // timeMin bounds the event's end, timeMax its start, both exclusive.
    if (min !== undefined && !(end > min)) return false;
    if (max !== undefined && !(start < max)) return false;
    const priv =
      ((e.extendedProperties as Json | undefined)?.private as Record<string, string> | undefined) ??
      {};
    return filters.every(([k, v]) => priv[k] === v);
  });
  if (query.get('orderBy') === 'startTime')
    items = items.sort(
      (a, b) => (instant(a.start, cal.timeZone) ?? 0) - (instant(b.start, cal.timeZone) ?? 0),
    );
  if (query.get('orderBy') === 'updated')
    items = items.sort((a, b) => String(a.updated).localeCompare(String(b.updated)));
  // The page token is opaque to clients; it carries the offset and the query it belongs to.
  const signature = [...query.entries()]
    .filter(([k]) => k !== 'pageToken')
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
  let offset = 0;
  const token = query.get('pageToken');
  if (token !== null) {
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64url').toString()) as {
        o: number;
        s: string;
      };
      if (decoded.s !== signature || !Number.isInteger(decoded.o)) throw new Error('mismatch');
      offset = decoded.o;
    } catch {
      throw calendarError(400, 'invalid', 'Invalid page token value.');
    }
  }
  const page = items.slice(offset, offset + maxResults);
  const more = offset + maxResults < items.length;
  return {
    kind: 'calendar#events',
    etag: `"p${cal.revision}"`,
    summary: cal.summary,
    description: '',
    updated: new Date().toISOString(),
    timeZone: cal.timeZone,
    accessRole: 'owner',
    defaultReminders: [],
    ...(more
      ? {
          nextPageToken: Buffer.from(
            JSON.stringify({ o: offset + maxResults, s: signature }),
          ).toString('base64url'),
        }
      : { nextSyncToken: Buffer.from(`sync-${cal.revision}`).toString('base64url') }),
    items: page,
  };
}

/** Handle one Calendar call. `undefined` means 204 No Content. */
export function handleCalendar(
  route: CalendarRoute,
  req: ApiRequest,
  calendars: Map<string, CalendarState>,
  now: Date,
): Json | undefined {
  const cal = calendars.get(route.calendarId);
  if (!cal) throw calendarError(404, 'notFound', 'Not Found');
  const body = (req.body ?? {}) as Json;
  if (route.method === 'calendar.events.list') return list(cal, req.query);
  if (route.method === 'calendar.events.insert') return insertEvent(cal, body, now);
  const id = route.eventId ?? '';
  const existing = cal.events.get(id);
  if (!existing) throw calendarError(404, 'notFound', 'Not Found');
  switch (route.method) {
    case 'calendar.events.get':
      return existing;
    case 'calendar.events.delete':
      if (existing.status === 'cancelled')
        throw calendarError(410, 'deleted', 'Resource has been deleted');
      cal.events.set(id, {
        ...stamp(cal, { ...existing, status: 'cancelled' }, now),
        created: existing.created,
      });
      return undefined;
    case 'calendar.events.update':
    case 'calendar.events.patch': {
      const next =
        route.method === 'calendar.events.patch'
          ? mergePatch(existing, body)
          : { ...body, created: existing.created, iCalUID: existing.iCalUID };
      if (body.id !== undefined && body.id !== id)
        throw calendarError(400, 'invalid', 'Invalid resource id value.');
      validateTimes(next, cal);
      // Updating a cancelled event with no status brings it back, as Google does.
      const status =
        body.status ?? (existing.status === 'cancelled' ? 'confirmed' : existing.status);
      const timesChanged =
        JSON.stringify([existing.start, existing.end]) !== JSON.stringify([next.start, next.end]);
      const event = stamp(
        cal,
        { ...next, id, status, sequence: Number(existing.sequence ?? 0) + (timesChanged ? 1 : 0) },
        now,
      );
      event.created = existing.created;
      cal.events.set(id, event);
      return event;
    }
    default:
      throw calendarError(400, 'badRequest', 'Bad Request');
  }
}
