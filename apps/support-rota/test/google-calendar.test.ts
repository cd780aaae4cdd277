import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startGoogleStandIn,
  type GoogleStandIn,
  type StandInEvent,
} from '@toolbelt/testkit/google';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@toolbelt/dates';
import { workingDays } from '../src/core/working-days.js';
import { eventId, ownerKey, toCalendarEvents } from '../src/core/events.js';
import { planRota } from '../src/core/plan.js';
import { createRng } from '../src/core/rng.js';
import { runCliAsync } from '@toolbelt/testkit';
import { bin, writeRota } from './builders.js';
import { generateResult, parseJson } from './schemas.js';

let standIn: GoogleStandIn;
let dir: TempDir;
let n = 0;
const rota = 'test-rota';
const writes = [
  'calendar.events.insert',
  'calendar.events.update',
  'calendar.events.delete',
  'calendar.events.patch',
];

beforeAll(async () => {
  standIn = await startGoogleStandIn();
});
afterAll(async () => {
  await standIn.stop();
});
beforeEach(() => {
  dir = makeTempDir('support-rota-google');
  standIn.requests.clear();
  standIn.faults.clear();
});
afterEach(async () => {
  await dir.cleanup();
});

const ours = (date: string, summary: string): StandInEvent => ({
  id: eventId(rota, date),
  summary,
  start: { date },
  end: { date: addDays(date, 1) },
  extendedProperties: { private: { [ownerKey]: rota } },
});
const foreign: StandInEvent = {
  id: 'foreignevent01',
  summary: 'Christmas party',
  start: { date: '2025-01-08' },
  end: { date: '2025-01-09' },
};

function newCalendar(events: StandInEvent[]): string {
  const id = `rota${++n}@group.calendar.google.com`;
  standIn.seedCalendar(id, events);
  return id;
}

const team = {
  first: { name: 'g_sevens', members: ['George', 'Calum'] },
  second: { name: 'everyone_else', members: ['Thomas', 'Jake', 'Tapan'] },
};

const run = (calendarId: string, args: string[] = [], cycles = 4) => {
  const config = writeRota(dir.path, {
    name: rota,
    calendar: { selected: 'dev-1', calendar_ids: { 'dev-1': calendarId } },
    date_range: { start_date: '2025-01-06', n_cycles: cycles },
  });
  return runCliAsync(bin, ['generate', '--config', config, '--seed', '11', '--json', ...args], {
    cwd: dir.path,
    env: { GOOGLE_ACCESS_TOKEN: 'test-token', GOOGLE_API_ROOT_URL: standIn.rootUrl },
  });
};

/** Live (not cancelled) events of a calendar on the stand-in. */
const live = (calendarId: string) =>
  standIn.listEvents(calendarId) as { id: string; summary: string; start: { date: string } }[];
const writeCount = () => writes.reduce((sum, m) => sum + standIn.requests.count(m), 0);

describe('support-rota generate on Google Calendar (stand-in, real googleapis client)', () => {
  it('applies the diff over two pages of our events, keeps the foreign event, and a re-run writes nothing', async () => {
    // 520 cycles of 5 people = 2,600 days: more than one 2,500-event page. The calendar holds
    // that plan as a previous run wrote it, with 5 days since edited, 5 days missing, and 5
    // old days of ours after the plan's end; plus one foreign event.
    const days = workingDays('2025-01-06', 2600);
    const planned = toCalendarEvents(planRota(team, days, createRng(11)), rota);
    const asStandIn = planned.map((e): StandInEvent => ({ ...ours(e.start, e.summary), id: e.id }));
    const edited = asStandIn
      .slice(0, 2595)
      .map((e, i) => (i % 500 === 7 ? { ...e, summary: 'edited by hand' } : e));
    const after = Array.from({ length: 5 }, (_, i) =>
      ours(addDays(days[days.length - 1]!, 30 + i), `old day ${i}`),
    );
    const calendarId = newCalendar([foreign, ...edited, ...after]);

    const first = await run(calendarId, [], 520);
    expect(first.stderr).not.toContain('Error');
    expect(first.status).toBe(0);
    const result = parseJson(generateResult, first.stdout);
    // Two pages to plan, and the same two again just before writing, to check that nobody
    // changed the calendar meanwhile (issue 12: one writer per target).
    expect(standIn.requests.count('calendar.events.list')).toBe(4);
    expect(result.calendar.counts).toMatchObject({
      insert: 5,
      update: 6,
      delete: 5,
      unchanged: 2589,
    });
    expect(result.calendar.failed).toEqual([]);

    const events = live(calendarId);
    expect(events.find((e) => e.id === foreign.id)?.summary).toBe('Christmas party');
    const mine = events.filter((e) => e.id !== foreign.id);
    expect(mine).toHaveLength(2600);
    const bySummary = new Map(mine.map((e) => [e.id, e.summary]));
    for (const e of planned) expect(bySummary.get(e.id)).toBe(e.summary);

    standIn.requests.clear();
    const second = await run(calendarId, [], 520);
    expect(second.status).toBe(0);
    expect(parseJson(generateResult, second.stdout).calendar.counts).toMatchObject({
      insert: 0,
      update: 0,
      delete: 0,
      unchanged: 2600,
    });
    expect(writeCount()).toBe(0);
  }, 120_000);

  it('inserts a fresh rota; --replace-all --yes deletes the foreign event too, like the original', async () => {
    const calendarId = newCalendar([foreign]);
    const icsPath = join(dir.path, 'export.ics');
    const first = await run(calendarId, ['--ics', icsPath]);
    const firstResult = parseJson(generateResult, first.stdout);
    expect(firstResult.calendar.counts).toMatchObject({ insert: 20 });
    expect(firstResult.calendar.calls?.['calendar.events.insert']).toBe(20);
    expect(standIn.requests.count('calendar.events.insert')).toBe(20);
    expect(live(calendarId)).toHaveLength(21);
    // --ics next to a Google calendar exports the whole rota as well.
    expect(firstResult.icsExport?.counts).toMatchObject({ insert: 20 });
    expect(readFileSync(icsPath, 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(20);

    const dry = await run(calendarId, ['--replace-all', '--dry-run']);
    expect(parseJson(generateResult, dry.stdout).calendar.counts).toMatchObject({
      delete: 1,
      update: 20,
    });
    expect(live(calendarId)).toHaveLength(21);

    const replaced = await run(calendarId, ['--replace-all', '--yes']);
    expect(replaced.status).toBe(0);
    expect(live(calendarId).map((e) => e.id)).not.toContain(foreign.id);
    expect(live(calendarId)).toHaveLength(20);
  }, 120_000);

  it('retries 403 rateLimitExceeded and 429 during inserts and completes the calendar', async () => {
    const calendarId = newCalendar([foreign]);
    standIn.faults.add({
      kind: 'rateLimit403',
      reason: 'rateLimitExceeded',
      method: 'calendar.events.insert',
      times: 2,
    });
    standIn.faults.add({
      kind: 'rateLimit429',
      retryAfterSeconds: 1,
      method: 'calendar.events.insert',
      times: 2,
    });
    const result = await run(calendarId);
    expect(result.status).toBe(0);
    const faulted = standIn.requests.log().filter((r) => r.fault);
    expect(faulted.map((r) => r.status).sort()).toEqual([403, 403, 429, 429]);
    expect(standIn.requests.count('calendar.events.insert')).toBe(24);
    const json = parseJson(generateResult, result.stdout);
    expect(json.calendar.failed).toEqual([]);
    expect(live(calendarId).filter((e) => e.id !== foreign.id)).toHaveLength(20);
    expect(standIn.faults.pending()).toEqual([]);
  }, 120_000);
});
