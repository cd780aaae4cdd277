import { describe, expect, it } from 'vitest';
import type { CalendarEvent, CalendarSink } from '../src/ports.js';

/** Build a sink holding exactly `events` (a fresh calendar/file per call). */
export type CalendarSinkFactory = (events: CalendarEvent[]) => Promise<CalendarSink>;

const rota = { rota: 'data-eng' };
const ev = (
  id: string,
  start: string,
  end: string,
  props?: Record<string, string>,
): CalendarEvent => ({
  id,
  summary: `Ann is on support today with Bob assisting (${id})`,
  start,
  end,
  privateProperties: props,
});

function seed(): CalendarEvent[] {
  return [
    ev('rota0106', '2025-01-06', '2025-01-07', rota),
    ev('rota0107', '2025-01-07', '2025-01-08', rota),
    ev('other0107', '2025-01-07', '2025-01-08'),
    ev('rota0110', '2025-01-10', '2025-01-11', rota),
    ev('elsehere01', '2025-01-07', '2025-01-08', { rota: 'other-team' }),
  ];
}

const ids = (events: CalendarEvent[]): string[] => events.map((e) => e.id).sort();

/** One contract for every CalendarSink adapter. */
export function describeCalendarSinkContract(name: string, create: CalendarSinkFactory): void {
  describe(`CalendarSink contract: ${name}`, () => {
    it('lists the events of a window (end exclusive), optionally only those carrying a private property', async () => {
      const sink = await create(seed());
      expect(ids(await sink.listEvents({ from: '2025-01-07', to: '2025-01-10' }))).toEqual([
        'elsehere01',
        'other0107',
        'rota0107',
      ]);
      const ours = await sink.listEvents({
        from: '2025-01-01',
        privateProperty: { key: 'rota', value: 'data-eng' },
      });
      expect(ids(ours)).toEqual(['rota0106', 'rota0107', 'rota0110']);
      expect(ours.find((e) => e.id === 'rota0106')).toEqual(
        ev('rota0106', '2025-01-06', '2025-01-07', rota),
      );
    });

    it('applies inserts, updates and deletes, and touches nothing else', async () => {
      const sink = await create(seed());
      const result = await sink.apply([
        {
          kind: 'insert',
          event: {
            ...ev('rota0108', '2025-01-08', '2025-01-09', rota),
            description: 'from the rota',
          },
        },
        {
          kind: 'update',
          event: {
            ...ev('rota0107', '2025-01-07', '2025-01-08', rota),
            summary: 'Cy is on support today with Dee assisting',
          },
        },
        { kind: 'delete', id: 'rota0110' },
      ]);
      expect(result).toEqual({ applied: 3, failed: [] });
      const all = await sink.listEvents({ from: '2025-01-01' });
      expect(ids(all)).toEqual(['elsehere01', 'other0107', 'rota0106', 'rota0107', 'rota0108']);
      expect(all.find((e) => e.id === 'rota0107')?.summary).toBe(
        'Cy is on support today with Dee assisting',
      );
      expect(all.find((e) => e.id === 'rota0108')).toEqual({
        ...ev('rota0108', '2025-01-08', '2025-01-09', rota),
        description: 'from the rota',
      });
      expect(all.find((e) => e.id === 'other0107')).toEqual(
        ev('other0107', '2025-01-07', '2025-01-08'),
      );
    });

    it('is idempotent: inserting an existing id updates it, deleting a missing one succeeds, and a deleted id can come back', async () => {
      const sink = await create(seed());
      await sink.apply([{ kind: 'delete', id: 'rota0106' }]);
      const again = await sink.apply([
        {
          kind: 'insert',
          event: { ...ev('rota0107', '2025-01-07', '2025-01-08', rota), summary: 'changed' },
        },
        { kind: 'delete', id: 'rota0106' },
        { kind: 'delete', id: 'neverthere' },
        { kind: 'update', event: ev('rota0120', '2025-01-20', '2025-01-21', rota) },
      ]);
      expect(again).toEqual({ applied: 4, failed: [] });
      await sink.apply([
        { kind: 'insert', event: ev('rota0106', '2025-01-06', '2025-01-07', rota) },
      ]);
      const ours = await sink.listEvents({
        from: '2025-01-01',
        privateProperty: { key: 'rota', value: 'data-eng' },
      });
      expect(ids(ours)).toEqual(['rota0106', 'rota0107', 'rota0110', 'rota0120']);
      expect(ours.find((e) => e.id === 'rota0107')?.summary).toBe('changed');
    });

    it('applies nothing for no changes', async () => {
      const sink = await create(seed());
      expect(await sink.apply([])).toEqual({ applied: 0, failed: [] });
      expect(await sink.listEvents({ from: '2025-01-01' })).toHaveLength(5);
    });
  });
}
