/**
 * `CalendarSink` on a local `.ics` file: the embedded default any calendar app can import or
 * subscribe to. ical-generator writes our events; ical.js reads the file back. Events we do
 * not change (including other people's) are kept byte for byte.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { addDays } from '@toolbelt/dates';
import type { ToolbeltError } from '@toolbelt/errors';
import { ioError, isEnvironmentIoError, writeFileAtomic } from '@toolbelt/lock';
import { messages } from './i18n/index.js';
import type { ApplyResult, CalendarEvent, CalendarSink, ListEventsQuery } from './ports.js';

/** Options of {@link createIcsCalendarSink}. */
export interface IcsCalendarSinkOptions {
  /** Path of the `.ics` file; created (with its folder) on the first change. */
  path: string;
  /** Calendar name written into a new file (`X-WR-CALNAME`). */
  name?: string;
  /** Clock for DTSTAMP (default: real time). */
  now?: () => Date;
}

/** The X- property that carries one private extended property: `X-TOOLBELT-PROPERTY:rota=data-eng`. */
export const ICS_PRIVATE_PROPERTY = 'X-TOOLBELT-PROPERTY';

interface Component {
  uid: string;
  /** Kept verbatim unless changed. */
  raw: string;
}

interface ParsedFile {
  /** Non-event components (VTIMEZONE...) verbatim. */
  others: string[];
  events: Component[];
  parsed: CalendarEvent[];
  cancelled: Set<string>;
}

function unreadable(path: string, error: unknown): ToolbeltError {
  const params = { path, message: error instanceof Error ? error.message : String(error) };
  return messages.error('DATA', 'errors.icsUnreadable', params, { cause: error });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// RFC 5545 3.3.11: TEXT may hold any character but the controls (tab aside); line breaks
// are written escaped (\n).
// eslint-disable-next-line no-control-regex
const ICS_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text as RFC 5545 allows it in a TEXT value, and as it reads back: control characters
 * other than tab are removed, CRLF and CR become LF (a line break reads back as LF), a lone
 * surrogate becomes U+FFFD. Writers and comparers use it, so an unchanged event compares equal
 * to what the file holds and is not written again.
 */
export function icsSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ICS_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** RFC 5545 TEXT unescaping, for X- properties that ical.js hands over as written. */
function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function dayOfUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

async function readIcs(path: string): Promise<ParsedFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { others: [], events: [], parsed: [], cancelled: new Set() };
    if (isEnvironmentIoError(error)) throw ioError(error, path, 'read');
    throw unreadable(path, error);
  }
  const { default: ICAL } = await import('ical.js');
  try {
    const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const out: ParsedFile = { others: [], events: [], parsed: [], cancelled: new Set() };
    for (const comp of root.getAllSubcomponents()) {
      if (comp.name !== 'vevent') {
        out.others.push(comp.toString());
        continue;
      }
      const uid = String(comp.getFirstPropertyValue('uid') ?? '');
      out.events.push({ uid, raw: comp.toString() });
      if (String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
        out.cancelled.add(uid);
        continue;
      }
      const start = comp.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time> | null;
      if (!start) continue;
      const end = comp.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time> | null;
      const startDate = start.toString().slice(0, 10);
      const endDate = end
        ? end.toString().slice(0, 10)
        : start.isDate
          ? addDays(startDate, 1)
          : startDate;
      const props: Record<string, string> = {};
      for (const p of comp.getAllProperties(ICS_PRIVATE_PROPERTY.toLowerCase())) {
        const value = unescapeText(String(p.getFirstValue() ?? ''));
        const eq = value.indexOf('=');
        if (eq > 0) props[value.slice(0, eq)] = value.slice(eq + 1);
      }
      const description = comp.getFirstPropertyValue('description');
      out.parsed.push({
        id: uid,
        summary: String(comp.getFirstPropertyValue('summary') ?? ''),
        start: startDate,
        // A timed event ending on its start day still covers that day.
        end: endDate > startDate ? endDate : addDays(startDate, 1),
        description: description ? String(description) : undefined,
        privateProperties: Object.keys(props).length > 0 ? props : undefined,
      });
    }
    return out;
  } catch (error) {
    throw unreadable(path, error);
  }
}

/** Create the `.ics` adapter. ical-generator and ical.js are loaded on first use. */
export function createIcsCalendarSink(options: IcsCalendarSinkOptions): CalendarSink {
  const path = resolve(options.path);
  const now = options.now ?? (() => new Date());

  const render = async (
    events: CalendarEvent[],
  ): Promise<{ head: string; tail: string; blocks: Map<string, string> }> => {
    const { default: ical } = await import('ical-generator');
    const cal = ical({
      prodId: { company: 'toolbelt', product: 'toolbelt', language: 'EN' },
      name: options.name === undefined ? null : icsSafeText(options.name),
    });
    for (const e of events) {
      cal.createEvent({
        id: e.id,
        start: dayOfUtc(e.start),
        end: dayOfUtc(e.end),
        allDay: true,
        stamp: now(),
        summary: icsSafeText(e.summary),
        description: e.description ? icsSafeText(e.description) : undefined,
        x: Object.entries(e.privateProperties ?? {}).map(([k, v]) => ({
          key: ICS_PRIVATE_PROPERTY,
          value: icsSafeText(`${k}=${v}`),
        })),
      });
    }
    const text = cal.toString();
    const first = text.indexOf('BEGIN:VEVENT');
    const endIndex = text.lastIndexOf('END:VCALENDAR');
    const head = first >= 0 ? text.slice(0, first) : text.slice(0, endIndex);
    const blocks = new Map<string, string>();
    const body = first >= 0 ? text.slice(first, endIndex) : '';
    // Split once: the blocks come in the order of the events (splitting per event was O(n^2)).
    const parts = body.split(/(?<=END:VEVENT\r\n)/);
    events.forEach((e, i) => {
      const m = parts[i];
      if (m) blocks.set(e.id, m.replace(/\r\n$/, ''));
    });
    return { head, tail: 'END:VCALENDAR\r\n', blocks };
  };

  return {
    kind: 'ics',
    location: path,
    callCounts: () => ({}),

    async listEvents(query: ListEventsQuery): Promise<CalendarEvent[]> {
      const file = await readIcs(path);
      return file.parsed.filter((e) => {
        if (!(e.end > query.from)) return false;
        if (query.to !== undefined && !(e.start < query.to)) return false;
        if (
          query.privateProperty &&
          e.privateProperties?.[query.privateProperty.key] !== query.privateProperty.value
        )
          return false;
        return true;
      });
    },

    async apply(changes, options): Promise<ApplyResult> {
      if (changes.length === 0) return { applied: 0, failed: [] };
      const file = await readIcs(path);
      const touched = new Set<string>();
      const fresh = new Map<string, CalendarEvent>();
      for (const change of changes) {
        const id = change.kind === 'delete' ? change.id : change.event.id;
        touched.add(id);
        if (change.kind === 'delete') fresh.delete(id);
        else fresh.set(id, change.event);
      }
      const rendered = await render([...fresh.values()]);
      // Untouched components stay verbatim and in place (a UID may occur more than once, e.g.
      // recurrence overrides); a changed event takes the place of its first occurrence.
      const blocks: string[] = [];
      const placed = new Set<string>();
      for (const e of file.events) {
        if (!touched.has(e.uid)) blocks.push(e.raw);
        else if (!placed.has(e.uid)) {
          placed.add(e.uid);
          const block = rendered.blocks.get(e.uid);
          if (block) blocks.push(block);
        }
      }
      for (const [id, block] of rendered.blocks) if (!placed.has(id)) blocks.push(block);
      const text = `${rendered.head}${[...file.others, ...blocks].map((b) => `${b}\r\n`).join('')}${rendered.tail}`;
      // Whole file or nothing (temp + rename); file-system refusals are IOERR (74).
      await writeFileAtomic(path, text);
      options?.onProgress?.(changes.length);
      return { applied: changes.length, failed: [] };
    },
  };
}
