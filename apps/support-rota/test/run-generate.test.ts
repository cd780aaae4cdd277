import type {
  CalendarChange,
  CalendarEvent,
  CalendarSink,
  ListEventsQuery,
} from '@toolbelt/google';
import { describe, expect, it } from 'vitest';
import { ownerKey } from '../src/core/events.js';
import { runGenerate, type GenerateDeps } from '../src/run-generate.js';
import { rotaSettings } from './builders.js';

/** An in-memory CalendarSink that records every apply call. */
function memorySink(initial: CalendarEvent[] = []): CalendarSink & {
  events: Map<string, CalendarEvent>;
  applyCalls: CalendarChange[][];
  listCalls: ListEventsQuery[];
} {
  const events = new Map(initial.map((e) => [e.id, e]));
  const applyCalls: CalendarChange[][] = [];
  const listCalls: ListEventsQuery[] = [];
  return {
    kind: 'ics',
    location: 'memory',
    events,
    applyCalls,
    listCalls,
    listEvents(query) {
      listCalls.push(query);
      const listed = [...events.values()].filter(
        (e) =>
          e.end > query.from &&
          (!query.privateProperty ||
            e.privateProperties?.[query.privateProperty.key] === query.privateProperty.value),
      );
      return Promise.resolve(listed);
    },
    apply(changes) {
      applyCalls.push([...changes]);
      for (const c of changes) {
        if (c.kind === 'delete') events.delete(c.id);
        else events.set(c.event.id, c.event);
      }
      return Promise.resolve({ applied: changes.length, failed: [] });
    },
  };
}

const settingsOf = (overrides: Record<string, unknown> = {}) =>
  rotaSettings({ name: 'data-eng', ...overrides });

const foreign: CalendarEvent = {
  id: 'lunch2025',
  summary: 'Team lunch',
  start: '2025-01-08',
  end: '2025-01-09',
};
const options = {
  seed: 7,
  dryRun: false,
  replaceAll: false,
  yes: false,
};
const depsOf = (calendar: CalendarSink, extra: Partial<GenerateDeps> = {}): GenerateDeps => ({
  calendar,
  holidays: new Set<string>(),
  confirmReplaceAll: () => Promise.reject(new Error('must not ask')),
  ...extra,
});

describe('runGenerate', () => {
  it('writes the rota, keeps foreign events, and writes nothing on a second identical run', async () => {
    const sink = memorySink([foreign]);
    const first = await runGenerate(depsOf(sink), { ...options, rota: settingsOf() });
    expect(first.calendar.counts).toMatchObject({ insert: 10, update: 0, delete: 0 });
    expect(first.dateRange).toEqual({
      start: '2025-01-06',
      end: '2025-01-17',
      cycles: 2,
      totalDays: 10,
    });
    expect(sink.events.get('lunch2025')).toEqual(foreign);
    expect(sink.events.size).toBe(11);
    expect(sink.listCalls[0]?.privateProperty).toEqual({ key: ownerKey, value: 'data-eng' });

    const second = await runGenerate(depsOf(sink), { ...options, rota: settingsOf() });
    expect(second.calendar.counts).toMatchObject({
      insert: 0,
      update: 0,
      delete: 0,
      unchanged: 10,
    });
    expect(sink.applyCalls).toHaveLength(1);
  });

  it('updates changed days and deletes our days that are no longer planned', async () => {
    const sink = memorySink([foreign]);
    await runGenerate(depsOf(sink), { ...options, rota: settingsOf() });
    const shorter = await runGenerate(depsOf(sink), {
      ...options,
      seed: 8,
      rota: settingsOf({ date_range: { start_date: '2025-01-06', n_cycles: 1 } }),
    });
    expect(shorter.calendar.counts.delete).toBe(5);
    expect(shorter.calendar.counts.insert).toBe(0);
    expect(sink.events.size).toBe(6);
    expect(sink.events.has('lunch2025')).toBe(true);
  });

  it('prints the diff on a dry run without writing', async () => {
    const sink = memorySink();
    const result = await runGenerate(depsOf(sink), {
      ...options,
      dryRun: true,
      rota: settingsOf(),
    });
    expect(result.calendar.changes).toHaveLength(10);
    expect(result.calendar.changes[0]).toMatchObject({ kind: 'insert', date: '2025-01-06' });
    expect(sink.applyCalls).toHaveLength(0);
  });

  it('replace-all asks, deletes foreign events when confirmed, and writes nothing when declined', async () => {
    const declined = memorySink([foreign]);
    let asked = 0;
    const no = await runGenerate(
      depsOf(declined, { confirmReplaceAll: () => Promise.resolve((asked++, false)) }),
      { ...options, replaceAll: true, rota: settingsOf() },
    );
    expect(asked).toBe(1);
    expect(no.confirmed).toBe(false);
    expect(declined.applyCalls).toHaveLength(0);

    const sink = memorySink([foreign]);
    const yes = await runGenerate(depsOf(sink), {
      ...options,
      replaceAll: true,
      yes: true,
      rota: settingsOf(),
    });
    expect(yes.calendar.counts).toMatchObject({ insert: 10, delete: 1 });
    expect(sink.events.has('lunch2025')).toBe(false);
  });

  it('writes the config and days-worked reports', async () => {
    const written = new Map<string, unknown>();
    const result = await runGenerate(
      depsOf(memorySink(), {
        holidays: new Set(['2025-01-07', '2024-12-25']),
        writeReport: (name, data) => Promise.resolve((written.set(name, data), `/r/${name}`)),
      }),
      { ...options, rota: settingsOf() },
    );
    expect(result.reports).toEqual(['/r/config-report.json', '/r/days-worked.json']);
    expect(written.get('config-report.json')).toMatchObject({
      dateRange: { start: '2025-01-06', end: '2025-01-20', totalDays: 10 },
      calendar: { kind: 'ics' },
      seed: 7,
      holidaysSkipped: ['2025-01-07'],
    });
    const people = (written.get('days-worked.json') as { people: { leadTotal: number }[] }).people;
    expect(people.map((p) => p.leadTotal)).toEqual([2, 2, 2, 2, 2]);
  });

  it('reports changes the sink could not apply (the command exits PARTIAL)', async () => {
    const sink = memorySink();
    const failing: CalendarSink = {
      ...sink,
      async apply(changes) {
        const [bad, ...rest] = changes;
        const done = await sink.apply(rest);
        return {
          applied: done.applied,
          failed: bad ? [{ change: bad, error: new Error('Backend Error') }] : [],
        };
      },
    };
    const result = await runGenerate(depsOf(failing), { ...options, rota: settingsOf() });
    expect(result.calendar.applied).toBe(9);
    expect(result.calendar.failed).toEqual([
      { id: result.calendar.changes[0]!.id, kind: 'insert', message: 'Backend Error' },
    ]);
  });
});
