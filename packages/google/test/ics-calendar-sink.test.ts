import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { createIcsCalendarSink } from '../src/index.js';
import { describeCalendarSinkContract } from './calendar-sink.contract.js';

const dirs: string[] = [];
let n = 0;
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tb-ics-'));
  dirs.push(d);
  return d;
}

describeCalendarSinkContract('ics file (ical-generator + ical.js)', async (events) => {
  const path = join(await tempDir(), `rota-${n++}.ics`);
  const sink = createIcsCalendarSink({ path });
  await sink.apply(events.map((event) => ({ kind: 'insert' as const, event })));
  return sink;
});

const FOREIGN = [
  'BEGIN:VEVENT',
  'UID:team-lunch-42@example.org',
  'DTSTAMP:20250101T090000Z',
  'DTSTART;TZID=Europe/London:20250107T120000',
  'DTEND;TZID=Europe/London:20250107T130000',
  'SUMMARY:Team lunch',
  'LOCATION:Canteen',
  'END:VEVENT',
].join('\r\n');

describe('ics adapter specifics', () => {
  it('keeps events it does not own byte for byte, and writes private properties as X- properties', async () => {
    const path = join(await tempDir(), 'shared.ics');
    await writeFile(
      path,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//other//app//EN',
        FOREIGN,
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const sink = createIcsCalendarSink({ path, now: () => new Date(Date.UTC(2025, 0, 1)) });
    expect(await sink.listEvents({ from: '2025-01-07', to: '2025-01-08' })).toEqual([
      {
        id: 'team-lunch-42@example.org',
        summary: 'Team lunch',
        start: '2025-01-07',
        end: '2025-01-08',
      },
    ]);
    await sink.apply([
      {
        kind: 'insert',
        event: {
          id: 'rota0107',
          summary: 'Ann, Bob',
          start: '2025-01-07',
          end: '2025-01-08',
          privateProperties: { rota: 'data-eng' },
        },
      },
    ]);
    const text = await readFile(path, 'utf8');
    expect(text).toContain(FOREIGN);
    expect(text).toContain('X-TOOLBELT-PROPERTY:rota=data-eng');
    expect(text).toContain('DTSTART;VALUE=DATE:20250107');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('reads a missing file as empty and a malformed one as a DATA error', async () => {
    const dir = await tempDir();
    expect(
      await createIcsCalendarSink({ path: join(dir, 'none.ics') }).listEvents({
        from: '2025-01-01',
      }),
    ).toEqual([]);
    await writeFile(join(dir, 'bad.ics'), 'this is not a calendar');
    const error = await createIcsCalendarSink({ path: join(dir, 'bad.ics') })
      .listEvents({ from: '2025-01-01' })
      .catch((e: unknown) => e);
    expect(isToolbeltError(error) && error.code).toBe('DATA');
  });
});
