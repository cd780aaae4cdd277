import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '@toolbelt/testkit';
import { bin, exampleRota, readCalendar, writeRota } from './builders.js';
import { configReport, daysWorked, generateResult, parseJson } from './schemas.js';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('support-rota');
});
afterEach(async () => {
  await dir.cleanup();
});

const examples = exampleRota;

/** Parse an .ics file with ical.js as a calendar app would: every VEVENT with its all-day dates. */
function readIcs(
  path: string,
): { summary: string; start: string; end: string; uid: string; isDate: boolean }[] {
  const root = readCalendar(readFileSync(path, 'utf8'));
  expect(root.name).toBe('vcalendar');
  expect(root.getFirstPropertyValue('version')).toBe('2.0');
  expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
  return root.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    expect(c.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return {
      summary: e.summary,
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      isDate: e.startDate.isDate,
    };
  });
}

describe('support-rota generate on an .ics file (the embedded default)', () => {
  it('reports the first rota day as the start, as the original: a Saturday start_date gives Monday', async () => {
    const reports = join(dir.path, 'reports');
    const run = await runCliAsync(
      bin,
      [
        'generate',
        '--config',
        examples,
        '--start',
        '2023-01-21',
        '--cycles',
        '1',
        '--ics',
        join(dir.path, 'rota.ics'),
        '--report-dir',
        reports,
      ],
      { cwd: dir.path },
    );
    expect(run.status, run.stderr).toBe(0);
    const config = parseJson(
      configReport,
      readFileSync(join(reports, 'config-report.json'), 'utf8'),
    );
    expect(config.dateRange.start).toBe('2023-01-23');
    expect(readIcs(join(dir.path, 'rota.ics')).map((e) => e.start)).toContain('2023-01-23');
    expect(run.stdout).toMatch(/: 2023-01-23 to \d{4}-\d{2}-\d{2}, 1 cycles, 18 days/);
    expect(run.stdout).not.toContain('2023-01-21');
  });

  it('runs "as of" TOOLBELT_NOW: the events\' DTSTAMP and the log file name follow it', async () => {
    const ics = join(dir.path, 'rota.ics');
    const run = await runCliAsync(
      bin,
      ['generate', '--config', examples, '--ics', ics, '--cycles', '1'],
      {
        cwd: dir.path,
        env: { TOOLBELT_NOW: '2023-01-05T14:07:00-08:00', TZ: 'America/Los_Angeles' },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const stamps = new Set(readFileSync(ics, 'utf8').match(/^DTSTAMP:.*$/gm));
    expect(stamps.size).toBeGreaterThan(0);
    // The clock runs on from the instant (a run takes seconds): within the same hour, in UTC.
    for (const stamp of stamps) expect(stamp).toMatch(/^DTSTAMP:20230105T22\d{4}Z\r?$/);
    expect(readdirSync(join(dir.path, '.logs'))).toEqual(['2023-01-05_14-07.log']);
  });

  it('runs the example: an importable .ics, reports, fairness table; a re-run writes nothing', async () => {
    const ics = join(dir.path, 'rota.ics');
    const reports = join(dir.path, 'reports');
    const first = await runCliAsync(
      bin,
      ['generate', '--config', examples, '--ics', ics, '--report-dir', reports],
      { cwd: dir.path },
    );
    expect(first.stderr).not.toContain('Error');
    expect(first.status).toBe(0);
    const events = readIcs(ics);
    expect(events).toHaveLength(8 * 18);
    for (const e of events) {
      expect(e.isDate).toBe(true);
      expect(e.summary).toMatch(/^.+ is on support today with .+ assisting$/);
      expect(e.uid).toMatch(/^[0-9a-v]+$/);
    }
    // Bank holidays of England and Wales are skipped (the example uses the bundled list).
    const dates = events.map((e) => e.start);
    expect(dates).not.toContain('2025-04-18');
    expect(dates).not.toContain('2025-04-21');
    // RFC 5545: CRLF line endings, lines folded at 75 octets (Outlook refuses longer ones).
    const text = readFileSync(ics, 'utf8');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(first.stdout).toContain('144 inserted');
    expect(first.stdout).toMatch(/Person\s+Group\s+Leads\s+Assists\s+Total/);
    expect(first.stdout).toMatch(/Spread in g_sevens: leads 0, assists [01]\./);
    const config = parseJson(
      configReport,
      readFileSync(join(reports, 'config-report.json'), 'utf8'),
    );
    expect(config.dateRange).toMatchObject({ start: '2025-01-06', cycles: 8, totalDays: 144 });
    expect(config.holidaysSkipped).toEqual([
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
    ]);
    const worked = parseJson(daysWorked, readFileSync(join(reports, 'days-worked.json'), 'utf8'));
    expect(worked.people).toHaveLength(18);
    expect(worked.people.every((p) => p.leadTotal === 8)).toBe(true);

    const before = statSync(ics).mtimeMs;
    const second = await runCliAsync(
      bin,
      ['generate', '--config', examples, '--ics', ics, '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(second.status).toBe(0);
    const result = parseJson(generateResult, second.stdout);
    expect(result.calendar.counts).toMatchObject({
      insert: 0,
      update: 0,
      delete: 0,
      unchanged: 144,
    });
    expect(statSync(ics).mtimeMs).toBe(before);
  }, 60_000);

  it('prints the diff on --dry-run (table, or JSON) and writes nothing', async () => {
    const config = writeRota(dir.path);
    const dry = await runCliAsync(bin, ['generate', '--config', config, '--dry-run'], {
      cwd: dir.path,
    });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Change\s+Date\s+Event/);
    expect(dry.stdout).toMatch(/insert\s+2025-01-06\s+\S+ is on support today with \S+ assisting/);
    expect(dry.stdout).toContain('10 to insert');
    const json = await runCliAsync(
      bin,
      ['generate', '--config', config, '--dry-run', '--json', '--seed', '3'],
      { cwd: dir.path },
    );
    const result = parseJson(generateResult, json.stdout);
    expect(result.dryRun).toBe(true);
    expect(result.seed).toBe(3);
    expect(result.calendar.changes).toHaveLength(10);
    expect(() => statSync(join(dir.path, 'support-rota.ics'))).toThrow();
  }, 60_000);

  it('keeps events it does not own in the .ics file and rewrites only changed days', async () => {
    const config = writeRota(dir.path);
    expect(
      (await runCliAsync(bin, ['generate', '--config', config, '--seed', '1'], { cwd: dir.path }))
        .status,
    ).toBe(0);
    const path = join(dir.path, 'support-rota.ics');
    const foreign =
      'BEGIN:VEVENT\r\nUID:party-1\r\nDTSTAMP:20250101T000000Z\r\nDTSTART;VALUE=DATE:20250108\r\nDTEND;VALUE=DATE:20250109\r\nSUMMARY:Party\r\nEND:VEVENT\r\n';
    const text = readFileSync(path, 'utf8').replace('END:VCALENDAR', `${foreign}END:VCALENDAR`);
    (await import('node:fs')).writeFileSync(path, text);
    const rerun = await runCliAsync(
      bin,
      ['generate', '--config', config, '--seed', '2', '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(rerun.status).toBe(0);
    const { counts } = parseJson(generateResult, rerun.stdout).calendar;
    expect(counts.insert + counts.delete).toBe(0);
    expect(counts.update).toBeGreaterThan(0);
    const events = readIcs(path);
    expect(events.find((e) => e.uid === 'party-1')?.summary).toBe('Party');
    expect(events).toHaveLength(11);
  }, 60_000);
});
