import type { CalendarEvent } from '@toolbelt/google';
import { describe, expect, it } from 'vitest';
import { countDiff, diffCalendar, diffReplaceAll, toCalendarChanges } from './diff.js';
import { eventId, ownerKey } from './events.js';

const ours = (date: string, summary: string): CalendarEvent => ({
  id: eventId('r', date),
  summary,
  start: date,
  end: date,
  privateProperties: { [ownerKey]: 'r' },
});
const foreign: CalendarEvent = {
  id: 'foreign1',
  summary: 'Team lunch',
  start: '2025-01-07',
  end: '2025-01-08',
};

describe('diffCalendar', () => {
  const desired = [ours('2025-01-06', 'A'), ours('2025-01-07', 'B'), ours('2025-01-08', 'C')];

  it('inserts, updates and deletes only our own events', () => {
    const existing = [
      ours('2025-01-06', 'A'),
      ours('2025-01-07', 'old'),
      ours('2025-01-09', 'gone'),
      foreign,
      { ...ours('2025-01-10', 'x'), privateProperties: { [ownerKey]: 'other-rota' } },
    ];
    const diff = diffCalendar(desired, existing, 'r');
    expect(diff.entries.map((e) => [e.kind, e.date])).toEqual([
      ['update', '2025-01-07'],
      ['insert', '2025-01-08'],
      ['delete', '2025-01-09'],
    ]);
    expect(countDiff(diff)).toEqual({ insert: 1, update: 1, delete: 1, unchanged: 1, foreign: 2 });
    expect(diff.entries[0]?.before).toBe('old');
    const changes = toCalendarChanges(diff, desired);
    expect(changes[1]).toEqual({ kind: 'insert', event: desired[2] });
    expect(changes[2]).toEqual({ kind: 'delete', id: eventId('r', '2025-01-09') });
  });

  it('is empty when the calendar already holds the plan', () => {
    expect(diffCalendar(desired, [...desired, foreign], 'r').entries).toEqual([]);
  });

  it('replace-all deletes every other event from the start and rewrites the plan', () => {
    const diff = diffReplaceAll(desired, [ours('2025-01-06', 'A'), foreign]);
    expect(diff.entries.map((e) => [e.kind, e.id])).toEqual([
      ['update', desired[0]!.id],
      ['delete', 'foreign1'],
      ['insert', desired[1]!.id],
      ['insert', desired[2]!.id],
    ]);
  });
});
