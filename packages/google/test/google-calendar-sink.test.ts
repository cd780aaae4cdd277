import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { type GoogleStandIn, startGoogleStandIn } from '@toolbelt/testkit/google';
import { createGoogleCalendarSink } from '../src/index.js';
import type { CalendarChange } from '../src/ports.js';
import { describeCalendarSinkContract } from './calendar-sink.contract.js';

let standIn: GoogleStandIn;
let n = 0;
beforeAll(async () => {
  standIn = await startGoogleStandIn();
}, 60_000);
afterAll(async () => standIn.stop());

const auth = { kind: 'access-token' as const, accessToken: 'test' };
const fast = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 20, maxElapsedMs: 10_000 };

describeCalendarSinkContract('Google Calendar (googleapis client -> stand-in)', (events) => {
  const calendarId = `cal-${n++}@group.calendar.google.com`;
  standIn.seedCalendar(
    calendarId,
    events.map((e) => ({
      id: e.id,
      summary: e.summary,
      start: { date: e.start },
      end: { date: e.end },
      extendedProperties: e.privateProperties && { private: e.privateProperties },
    })),
    { timeZone: 'Europe/London' },
  );
  return Promise.resolve(
    createGoogleCalendarSink({ calendarId, auth, rootUrl: standIn.rootUrl, retry: fast }),
  );
});

describe('Google Calendar adapter: paging, concurrency and failures', () => {
  it('reads every page of a large window', async () => {
    const calendarId = `big-${n++}@group.calendar.google.com`;
    const start = Date.UTC(2025, 0, 1);
    const day = (i: number): string => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    standIn.seedCalendar(
      calendarId,
      Array.from({ length: 2600 }, (_, i) => ({
        id: `evt${String(i).padStart(5, '0')}`,
        summary: `e${i}`,
        start: { date: day(i % 300) },
        end: { date: day((i % 300) + 1) },
        extendedProperties: { private: { rota: 'r' } },
      })),
    );
    const sink = createGoogleCalendarSink({ calendarId, auth, rootUrl: standIn.rootUrl });
    const events = await sink.listEvents({
      from: '2024-12-01',
      privateProperty: { key: 'rota', value: 'r' },
    });
    expect(events).toHaveLength(2600);
    expect(new Set(events.map((e) => e.id)).size).toBe(2600);
    expect(sink.callCounts()).toEqual({ 'calendar.events.list': 2 });
  });

  it('applies many changes with bounded concurrency, retrying 429 (Retry-After: 1) and 403 rate limits without losing any', async () => {
    const calendarId = `busy-${n++}@group.calendar.google.com`;
    standIn.seedCalendar(calendarId, []);
    const sink = createGoogleCalendarSink({
      calendarId,
      auth,
      rootUrl: standIn.rootUrl,
      concurrency: 3,
      retry: fast,
    });
    standIn.faults.add({
      kind: 'rateLimit429',
      retryAfterSeconds: 1,
      method: 'calendar.events.insert',
    });
    standIn.faults.add({ kind: 'rateLimit403', method: 'calendar.events.insert', times: 2 });
    const changes: CalendarChange[] = Array.from({ length: 20 }, (_, i) => ({
      kind: 'insert',
      event: {
        id: `dd${String(i).padStart(3, '0')}`,
        summary: `s${i}`,
        start: '2025-02-03',
        end: '2025-02-04',
        privateProperties: { rota: 'x' },
      },
    }));
    const result = await sink.apply(changes);
    expect(result).toEqual({ applied: 20, failed: [] });
    expect(standIn.listEvents(calendarId)).toHaveLength(20);
    expect(sink.callCounts()['calendar.events.insert']).toBe(23);
  }, 30_000);

  it('never has more changes in flight than its concurrency', async () => {
    const calendarId = `wide-${n++}@group.calendar.google.com`;
    standIn.seedCalendar(calendarId, []);
    const sink = createGoogleCalendarSink({
      calendarId,
      auth,
      rootUrl: standIn.rootUrl,
      concurrency: 3,
      retry: fast,
    });
    // Slow answers make the requests overlap, so the bound is actually exercised.
    standIn.faults.add({ kind: 'slow', delayMs: 50, method: 'calendar.events.insert', times: 12 });
    standIn.requests.clear();
    const changes: CalendarChange[] = Array.from({ length: 12 }, (_, i) => ({
      kind: 'insert',
      event: {
        id: `vide${String(i).padStart(3, '0')}`,
        summary: `s${i}`,
        start: '2025-02-03',
        end: '2025-02-04',
      },
    }));
    expect(await sink.apply(changes)).toEqual({ applied: 12, failed: [] });
    expect(standIn.requests.maxInFlight()).toBe(3);
  }, 30_000);

  it('reports a change that keeps failing and applies the rest', async () => {
    const calendarId = `flaky-${n++}@group.calendar.google.com`;
    standIn.seedCalendar(calendarId, []);
    const sink = createGoogleCalendarSink({
      calendarId,
      auth,
      rootUrl: standIn.rootUrl,
      concurrency: 1,
      retry: { ...fast, maxAttempts: 2 },
    });
    standIn.faults.add({ kind: 'serverError', method: 'calendar.events.insert', times: 2 });
    const result = await sink.apply([
      {
        kind: 'insert',
        event: { id: 'first1', summary: 'a', start: '2025-02-03', end: '2025-02-04' },
      },
      {
        kind: 'insert',
        event: { id: 'second', summary: 'b', start: '2025-02-04', end: '2025-02-05' },
      },
    ]);
    expect(result.applied).toBe(1);
    expect(result.failed.map((f) => (f.change.kind === 'insert' ? f.change.event.id : ''))).toEqual(
      ['first1'],
    );
    expect(
      isToolbeltError(result.failed[0]?.error) &&
        (result.failed[0]?.error as { code: string }).code,
    ).toBe('UNAVAILABLE');
    expect(standIn.listEvents(calendarId).map((e) => e.id)).toEqual(['second']);
  });

  it('stops on a permanent 403 (no write access): AUTH, exit 77, not retried', async () => {
    const calendarId = `locked-${n++}@group.calendar.google.com`;
    standIn.seedCalendar(calendarId, []);
    const sink = createGoogleCalendarSink({
      calendarId,
      auth,
      rootUrl: standIn.rootUrl,
      concurrency: 1,
      retry: fast,
    });
    standIn.faults.add({ kind: 'permissionDenied', method: 'calendar.events.insert', times: 10 });
    const error = await sink
      .apply([
        {
          kind: 'insert',
          event: { id: 'nope1', summary: 'a', start: '2025-02-03', end: '2025-02-04' },
        },
        {
          kind: 'insert',
          event: { id: 'nope2', summary: 'b', start: '2025-02-03', end: '2025-02-04' },
        },
      ])
      .catch((e: unknown) => e);
    expect(isToolbeltError(error) && error.exitCode).toBe(77);
    expect(sink.callCounts()['calendar.events.insert']).toBe(1);
    standIn.faults.clear();
  });
});
