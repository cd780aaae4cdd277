import type { CalendarChange, CalendarEvent } from '@toolbelt/google';
import { isOwnedBy } from './events.js';

/** One line of the plan of calendar writes, kept for `--dry-run` and the result. */
export interface DiffEntry {
  kind: 'insert' | 'update' | 'delete';
  id: string;
  date: string;
  summary: string;
  /** For updates: the summary the calendar has now. */
  before?: string;
}

export interface CalendarDiff {
  entries: DiffEntry[];
  /** Events already as planned. */
  unchanged: number;
  /** Events in the window that are not ours and are left alone. */
  foreign: number;
}

function sameEvent(a: CalendarEvent, b: CalendarEvent): boolean {
  return (
    a.summary === b.summary &&
    a.start === b.start &&
    a.end === b.end &&
    (a.description ?? '') === (b.description ?? '')
  );
}

const byDateThenKind = (a: DiffEntry, b: DiffEntry): number =>
  a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);

/**
 * What to write so the calendar holds the plan: insert missing days, update changed ones,
 * delete our own events that are no longer planned. `existing` is every event from the start
 * date on; events not owned by `rotaName` are never part of the diff.
 */
export function diffCalendar(
  desired: readonly CalendarEvent[],
  existing: readonly CalendarEvent[],
  rotaName: string,
): CalendarDiff {
  const owned = new Map(existing.filter((e) => isOwnedBy(e, rotaName)).map((e) => [e.id, e]));
  const foreign = existing.filter((e) => !isOwnedBy(e, rotaName)).length;
  const entries: DiffEntry[] = [];
  let unchanged = 0;
  const wanted = new Set<string>();
  for (const event of desired) {
    wanted.add(event.id);
    const current = owned.get(event.id);
    if (!current)
      entries.push({ kind: 'insert', id: event.id, date: event.start, summary: event.summary });
    else if (!sameEvent(current, event))
      entries.push({
        kind: 'update',
        id: event.id,
        date: event.start,
        summary: event.summary,
        before: current.summary,
      });
    else unchanged++;
  }
  for (const event of owned.values()) {
    if (!wanted.has(event.id))
      entries.push({ kind: 'delete', id: event.id, date: event.start, summary: event.summary });
  }
  return { entries: entries.sort(byDateThenKind), unchanged, foreign };
}

/**
 * The original's behaviour: nothing but the plan from the start date on. Every other event in
 * the window is deleted, whoever wrote it; planned days are rewritten (an update where the id
 * exists already, since Google keeps deleted ids and would refuse to insert them again).
 */
export function diffReplaceAll(
  desired: readonly CalendarEvent[],
  existing: readonly CalendarEvent[],
): CalendarDiff {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const wanted = new Set(desired.map((e) => e.id));
  const entries: DiffEntry[] = desired.map((event) => {
    const current = byId.get(event.id);
    return current
      ? {
          kind: 'update',
          id: event.id,
          date: event.start,
          summary: event.summary,
          before: current.summary,
        }
      : { kind: 'insert', id: event.id, date: event.start, summary: event.summary };
  });
  for (const event of existing)
    if (!wanted.has(event.id))
      entries.push({ kind: 'delete', id: event.id, date: event.start, summary: event.summary });
  return { entries: entries.sort(byDateThenKind), unchanged: 0, foreign: 0 };
}

/** The port's changes for a diff: events come from the plan, deletes need only the id. */
export function toCalendarChanges(
  diff: CalendarDiff,
  desired: readonly CalendarEvent[],
): CalendarChange[] {
  const byId = new Map(desired.map((e) => [e.id, e]));
  return diff.entries.map((entry): CalendarChange => {
    if (entry.kind === 'delete') return { kind: 'delete', id: entry.id };
    return { kind: entry.kind, event: byId.get(entry.id) as CalendarEvent };
  });
}

/** Counts of a diff by kind. */
export function countDiff(diff: CalendarDiff): {
  insert: number;
  update: number;
  delete: number;
  unchanged: number;
  foreign: number;
} {
  const count = (kind: DiffEntry['kind']): number =>
    diff.entries.filter((e) => e.kind === kind).length;
  return {
    insert: count('insert'),
    update: count('update'),
    delete: count('delete'),
    unchanged: diff.unchanged,
    foreign: diff.foreign,
  };
}
