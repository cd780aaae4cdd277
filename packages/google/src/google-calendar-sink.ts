/** `CalendarSink` on Google Calendar v3: all pages of a filtered window, client-chosen ids, bounded concurrency. */
import type { calendar_v3 } from '@googleapis/calendar';
import { addDays } from '@toolbelt/dates';
import { isToolbeltError, type ToolbeltError } from '@toolbelt/errors';
import { googleScopes } from './auth.js';
import { googleAdapter, type GoogleAdapterOptions } from './google-adapter.js';
import { googleStatusOf } from './google-call.js';
import type {
  ApplyOptions,
  ApplyResult,
  CalendarChange,
  CalendarEvent,
  CalendarSink,
  CallCounts,
  ListEventsQuery,
} from './ports.js';

/** Options of {@link createGoogleCalendarSink}. */
export interface GoogleCalendarSinkOptions extends GoogleAdapterOptions {
  /** Calendar id (`primary`, `...@group.calendar.google.com`). */
  calendarId: string;
  /** Changes in flight at once (default 4): Calendar's per-user rate limit punishes bursts. */
  concurrency?: number;
  /** OAuth scopes (default `calendar.events`). */
  scopes?: readonly string[];
}

/** The Google adapter: a `CalendarSink` that also reports its calls. */
export interface GoogleCalendarSink extends CalendarSink {
  readonly kind: 'google';
  readonly calendarId: string;
  callCounts(): CallCounts;
}

function dayOf(time: calendar_v3.Schema$EventDateTime | undefined): string {
  return time?.date ?? time?.dateTime?.slice(0, 10) ?? '';
}

function toEvent(e: calendar_v3.Schema$Event): CalendarEvent {
  const start = dayOf(e.start);
  const end = dayOf(e.end);
  const props = e.extendedProperties?.private;
  return {
    id: e.id ?? '',
    summary: e.summary ?? '',
    start,
    end: end > start ? end : addDays(start, 1),
    description: e.description || undefined,
    privateProperties: props && Object.keys(props).length > 0 ? { ...props } : undefined,
  };
}

function toBody(e: CalendarEvent): calendar_v3.Schema$Event {
  return {
    id: e.id,
    summary: e.summary,
    // An update replaces the event: a missing description must clear an old one.
    description: e.description ?? '',
    start: { date: e.start },
    end: { date: e.end },
    status: 'confirmed',
    extendedProperties: { private: { ...e.privateProperties } },
  };
}

/** Create the Google Calendar adapter. Nothing is loaded or called until the first method call. */
export function createGoogleCalendarSink(options: GoogleCalendarSinkOptions): GoogleCalendarSink {
  const { calendarId } = options;
  const { caller, api } = googleAdapter(
    options,
    [googleScopes.calendarEvents],
    () => import('@googleapis/calendar'),
    ({ calendar }, auth, rootUrl) =>
      calendar({ version: 'v3', auth: auth as calendar_v3.Options['auth'], rootUrl }),
  );
  const concurrency = Math.max(1, options.concurrency ?? 4);

  const insert = async (cal: calendar_v3.Calendar, e: CalendarEvent): Promise<void> => {
    await caller.call(
      'calendar.events.insert',
      (o) => cal.events.insert({ calendarId, requestBody: toBody(e) }, o),
      `${calendarId}/${e.id}`,
    );
  };
  const update = async (cal: calendar_v3.Calendar, e: CalendarEvent): Promise<void> => {
    await caller.call(
      'calendar.events.update',
      (o) => cal.events.update({ calendarId, eventId: e.id, requestBody: toBody(e) }, o),
      `${calendarId}/${e.id}`,
    );
  };

  const applyOne = async (cal: calendar_v3.Calendar, change: CalendarChange): Promise<void> => {
    if (change.kind === 'delete') {
      try {
        await caller.call(
          'calendar.events.delete',
          (o) => cal.events.delete({ calendarId, eventId: change.id }, o),
          `${calendarId}/${change.id}`,
        );
      } catch (error) {
        // Already gone (410) or never there (404): the goal is reached.
        const status = googleStatusOf(error);
        if (status !== 404 && status !== 410) throw error;
      }
      return;
    }
    if (change.kind === 'insert') {
      try {
        await insert(cal, change.event);
      } catch (error) {
        // The id exists, possibly as a deleted event that keeps its id: update revives it.
        if (googleStatusOf(error) !== 409) throw error;
        await update(cal, change.event);
      }
      return;
    }
    try {
      await update(cal, change.event);
    } catch (error) {
      if (googleStatusOf(error) !== 404) throw error;
      await insert(cal, change.event);
    }
  };

  return {
    kind: 'google',
    location: calendarId,
    calendarId,
    callCounts: () => caller.callCounts(),

    async listEvents(query: ListEventsQuery): Promise<CalendarEvent[]> {
      const cal = await api();
      // All-day dates are in the calendar's time zone, unknown here: widen the window by a day
      // on each side and filter on the dates themselves.
      const timeMin = `${addDays(query.from, -1)}T00:00:00Z`;
      const timeMax = query.to ? `${addDays(query.to, 1)}T00:00:00Z` : undefined;
      const out: CalendarEvent[] = [];
      let pageToken: string | undefined;
      do {
        const token = pageToken;
        const res = await caller.call(
          'calendar.events.list',
          (o) =>
            cal.events.list(
              {
                calendarId,
                timeMin,
                timeMax: timeMax || undefined,
                maxResults: 2500,
                showDeleted: false,
                privateExtendedProperty: query.privateProperty && [
                  `${query.privateProperty.key}=${query.privateProperty.value}`,
                ],
                pageToken: token || undefined,
              },
              o,
            ),
          calendarId,
        );
        for (const e of res.data.items ?? []) if (e.status !== 'cancelled') out.push(toEvent(e));
        pageToken = res.data.nextPageToken ?? undefined;
      } while (pageToken);
      return out.filter(
        (e) => e.end > query.from && (query.to === undefined || e.start < query.to),
      );
    },

    async apply(changes: readonly CalendarChange[], options?: ApplyOptions): Promise<ApplyResult> {
      if (changes.length === 0) return { applied: 0, failed: [] };
      const cal = await api();
      const failed: ApplyResult['failed'] = [];
      let applied = 0;
      let next = 0;
      let fatal: ToolbeltError | undefined;
      const worker = async (): Promise<void> => {
        while (fatal === undefined && next < changes.length) {
          const change = changes[next++] as CalendarChange;
          try {
            await applyOne(cal, change);
            applied += 1;
            options?.onProgress?.(1);
          } catch (error) {
            options?.onProgress?.(1);
            // Refused credentials fail every change alike: stop and say so once.
            if (isToolbeltError(error) && (error.code === 'AUTH' || error.code === 'CONFIG'))
              fatal = error;
            else
              failed.push({
                change,
                error: error instanceof Error ? error : new Error(String(error)),
              });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, changes.length) }, worker));
      if (fatal !== undefined) throw fatal;
      return { applied, failed };
    },
  };
}
