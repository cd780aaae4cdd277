import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GoogleStandIn, startGoogleStandIn } from '../src/google.js';

let standIn: GoogleStandIn;
let api: calendar_v3.Calendar;
const CAL = 'team@group.calendar.google.com';

beforeAll(async () => {
  standIn = await startGoogleStandIn();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  api = calendar({ version: 'v3', rootUrl: standIn.rootUrl, auth, retry: false });
}, 60_000);
afterAll(async () => standIn.stop());

const day = (id: string, date: string, next: string, rota?: string): calendar_v3.Schema$Event => ({
  id,
  summary: `event ${id}`,
  start: { date },
  end: { date: next },
  extendedProperties: rota ? { private: { rota } } : undefined,
});

beforeEach(() => {
  standIn.faults.clear();
  standIn.seedCalendar(CAL, [
    day('aaaaa1', '2025-01-06', '2025-01-07', 'r1'),
    day('aaaaa2', '2025-01-07', '2025-01-08'),
    day('aaaaa3', '2025-01-08', '2025-01-09', 'r1'),
  ]);
});

function errorOf(e: unknown): { status?: number; data?: unknown } {
  const err = e as { status?: number; response?: { data?: unknown } };
  return { status: err.status, data: err.response?.data };
}

describe('Calendar v3 stand-in with the real googleapis client', () => {
  it('lists a window with the private extended property filter, page by page', async () => {
    const first = await api.events.list({
      calendarId: CAL,
      timeMin: '2025-01-06T00:00:00Z',
      privateExtendedProperty: ['rota=r1'],
      maxResults: 1,
    });
    expect(first.data.items?.map((e) => e.id)).toEqual(['aaaaa1']);
    expect(first.data.nextPageToken).toBeTruthy();
    const second = await api.events.list({
      calendarId: CAL,
      timeMin: '2025-01-06T00:00:00Z',
      privateExtendedProperty: ['rota=r1'],
      maxResults: 1,
      pageToken: first.data.nextPageToken ?? '',
    });
    expect(second.data.items?.map((e) => e.id)).toEqual(['aaaaa3']);
    expect(second.data.nextPageToken).toBeUndefined();
    // timeMin bounds the end (exclusive), timeMax the start (exclusive).
    const window = await api.events.list({
      calendarId: CAL,
      timeMin: '2025-01-07T00:00:00Z',
      timeMax: '2025-01-08T00:00:00Z',
    });
    expect(window.data.items?.map((e) => e.id)).toEqual(['aaaaa2']);
    const bad = await api.events.list({ calendarId: CAL, timeMin: '2025-01-07' }).catch(errorOf);
    expect((bad as { status?: number }).status).toBe(400);
  });

  it('inserts with client ids, answers 409 for a duplicate (even deleted) id, and 400 for a bad id', async () => {
    const inserted = await api.events.insert({
      calendarId: CAL,
      requestBody: day('bbbbb1', '2025-02-03', '2025-02-04', 'r1'),
    });
    expect(inserted.data).toMatchObject({
      id: 'bbbbb1',
      status: 'confirmed',
      kind: 'calendar#event',
      extendedProperties: { private: { rota: 'r1' } },
    });
    await api.events.delete({ calendarId: CAL, eventId: 'bbbbb1' });
    const dup = await api.events
      .insert({ calendarId: CAL, requestBody: day('bbbbb1', '2025-02-03', '2025-02-04') })
      .catch(errorOf);
    expect(dup).toEqual({
      status: 409,
      data: {
        error: {
          errors: [
            {
              domain: 'global',
              reason: 'duplicate',
              message: 'The requested identifier already exists.',
            },
          ],
          code: 409,
          message: 'The requested identifier already exists.',
        },
      },
    });
    const invalid = await api.events
      .insert({ calendarId: CAL, requestBody: day('Bad-Id', '2025-02-03', '2025-02-04') })
      .catch(errorOf);
    expect((invalid as { status?: number }).status).toBe(400);
    // Update brings a deleted event back.
    const revived = await api.events.update({
      calendarId: CAL,
      eventId: 'bbbbb1',
      requestBody: day('bbbbb1', '2025-02-04', '2025-02-05', 'r1'),
    });
    expect(revived.data.status).toBe('confirmed');
    expect(revived.data.start).toEqual({ date: '2025-02-04' });
    const gone = await api.events.delete({ calendarId: CAL, eventId: 'zzzzz9' }).catch(errorOf);
    expect((gone as { status?: number }).status).toBe(404);
  });

  it('patches, gets, deletes (410 on a second delete) and hides deleted events unless showDeleted', async () => {
    await api.events.patch({
      calendarId: CAL,
      eventId: 'aaaaa2',
      requestBody: { summary: 'patched', extendedProperties: { private: { rota: 'r2' } } },
    });
    const got = await api.events.get({ calendarId: CAL, eventId: 'aaaaa2' });
    expect(got.data).toMatchObject({
      summary: 'patched',
      start: { date: '2025-01-07' },
      extendedProperties: { private: { rota: 'r2' } },
    });
    await api.events.delete({ calendarId: CAL, eventId: 'aaaaa2' });
    const again = await api.events.delete({ calendarId: CAL, eventId: 'aaaaa2' }).catch(errorOf);
    expect((again as { status?: number }).status).toBe(410);
    const visible = await api.events.list({ calendarId: CAL });
    expect(visible.data.items?.map((e) => e.id)).toEqual(['aaaaa1', 'aaaaa3']);
    const all = await api.events.list({ calendarId: CAL, showDeleted: true });
    expect(all.data.items?.find((e) => e.id === 'aaaaa2')?.status).toBe('cancelled');
    expect(standIn.listEvents(CAL).map((e) => e.id)).toEqual(['aaaaa1', 'aaaaa3']);
  });

  it('answers 403 rate limits and unknown calendars in the legacy error shape', async () => {
    standIn.faults.add({ kind: 'rateLimit403', method: 'calendar.events.insert' });
    const limited = await api.events
      .insert({ calendarId: CAL, requestBody: day('ccccc1', '2025-03-03', '2025-03-04') })
      .catch(errorOf);
    expect(limited).toEqual({
      status: 403,
      data: {
        error: {
          errors: [
            { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' },
          ],
          code: 403,
          message: 'Rate Limit Exceeded',
        },
      },
    });
    const missing = await api.events.list({ calendarId: 'nobody' }).catch(errorOf);
    expect((missing as { status?: number }).status).toBe(404);
  });
});
