import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { describe, expect, it } from 'vitest';
import { parseHolidaysIcs, parseHolidaysJson, readHolidays } from './holidays-file.js';

describe('holidays files', () => {
  it('reads a JSON list, a list of {date}, and the GOV.UK bank-holidays.json shape', () => {
    expect(parseHolidaysJson('["2025-12-25","2025-12-26"]', 'h.json')).toEqual([
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(parseHolidaysJson('[{"date":"2025-12-25","title":"Christmas"}]', 'h.json')).toEqual([
      '2025-12-25',
    ]);
    const govUk = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Boxing Day', date: '2025-12-26' }],
      },
      scotland: { events: [{ date: '2025-01-02' }] },
    };
    expect(parseHolidaysJson(JSON.stringify(govUk), 'h.json')).toEqual(['2025-12-26']);
  });

  it('names a malformed file and the bad value', () => {
    expect(() => parseHolidaysJson('["25/12/2025"]', 'h.json')).toThrow(
      /h\.json is malformed: "25\/12\/2025" is not a YYYY-MM-DD date/,
    );
    expect(() => parseHolidaysJson('{', 'h.json')).toThrow(/not JSON/);
  });

  it('expands all-day .ics events over their days (DTEND exclusive)', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTAMP:20250101T000000Z',
      'DTSTART;VALUE=DATE:20251225',
      'DTEND;VALUE=DATE:20251227',
      'SUMMARY:Christmas',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTAMP:20250101T000000Z',
      'DTSTART;VALUE=DATE:20250505',
      'SUMMARY:Early May',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(await parseHolidaysIcs(ics, 'h.ics')).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2025-05-05',
    ]);
    await expect(parseHolidaysIcs('not a calendar', 'h.ics')).rejects.toThrow(
      /h\.ics is malformed/,
    );
  });

  it('reads files by extension, and the bundled list by name', async () => {
    const dir = makeTempDir('holidays');
    try {
      writeFileSync(join(dir.path, 'days.json'), '["2025-08-25"]');
      expect([...(await readHolidays('days.json', (p) => join(dir.path, p)))]).toEqual([
        '2025-08-25',
      ]);
      expect((await readHolidays('england-and-wales')).has('2026-12-28')).toBe(true);
      // The common rule for unreadable input files: USAGE for a flag's file, CONFIG for the config's.
      await expect(readHolidays('missing.json', (p) => join(dir.path, p))).rejects.toMatchObject({
        code: 'USAGE',
        message: 'cannot read missing.json: no such file.',
        key: 'common:errors.inputUnreadable',
      });
      await expect(
        readHolidays('missing.json', (p) => join(dir.path, p), { code: 'CONFIG' }),
      ).rejects.toMatchObject({
        code: 'CONFIG',
        message: `cannot read ${join(dir.path, 'missing.json')}: no such file.`,
      });
    } finally {
      await dir.cleanup();
    }
  });
});
