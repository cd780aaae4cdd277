import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../../examples/tech-tracker/make.mjs';
import { sampleSpreadsheets } from '../../../examples/tech-tracker/sample-data.mjs';
import { exampleFolder, readXlsxTab, stampOf, withoutStamp, SAMPLE_SYNC } from './workbooks.js';
import { parseSyncReport } from './json.js';

const bin = appBin(import.meta.url);

const SYNC = SAMPLE_SYNC;
const TAB = '23-24 Tracker';

describe('tech-tracker sync on .xlsx workbooks', () => {
  const dir = exampleFolder('tech-tracker-xlsx');

  it('syncs the sample: appends, stamps, rescinds, keeps tech columns with their rows, sorts newest first', async () => {
    const before = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    const run = await runCliAsync(bin, [...SYNC, '--json'], { cwd: dir.path });
    expect(run.status, run.stderr).toBe(0);
    const result = parseSyncReport(run.stdout);
    expect(result.counts).toMatchObject({ appended: 7, keyChanges: 6, rescinded: 6 });
    expect(result.wrote).toBe('rows');
    expect(result.apiCalls.total).toBe(0);

    const after = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    expect(String(stampOf(after))).toMatch(
      /^LAST UPDATED: \d{2}\/\d{2}\/\d{2} @ \d{1,2}:\d{2} (AM|PM)$/,
    );
    expect(after[3]).toEqual(before[3]);
    const rows = after.slice(4);
    expect(rows).toHaveLength(before.length - 4 + 7);
    // Tech cells stay with their candidate id.
    const techOf = (values: typeof rows) =>
      new Map(values.map((r) => [String(r[1]), JSON.stringify(r.slice(19))]));
    const beforeTech = techOf(before.slice(4));
    const afterTech = techOf(rows);
    for (const [id, tech] of beforeTech) expect(afterTech.get(id), id).toBe(tech);
    // Newest first by Main Last Updated (column S).
    const mains = rows.map((r) => String(r[18]));
    expect([...mains].sort().reverse()).toEqual(mains);
    const appended = rows.filter((r) => r[15] === '2023-07-15');
    expect(appended).toHaveLength(7);
    for (const r of appended)
      expect(r.slice(16, 19)).toEqual(['2023-07-15', '2023-07-15', '2023-07-15']);
    expect(rows.filter((r) => r[14] === 'Yes - 2023-07-15')).toHaveLength(6);
    // Cleared ids that were never in the tracker are not appended.
    const cleared = (await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), '23-24 Cleared'))
      .slice(1)
      .map((r) => String(r[1]));
    const beforeIds = new Set(before.slice(4).map((r) => String(r[1])));
    for (const id of cleared.filter((c) => !beforeIds.has(c)))
      expect(rows.some((r) => String(r[1]) === id)).toBe(false);
    // A backup of the tab as it was.
    const backups = await readdir(join(dir.path, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = JSON.parse(
      await readFile(join(dir.path, 'backups', backups[0] ?? ''), 'utf8'),
    ) as { values: unknown };
    expect(backup.values).toEqual(before);
  });

  it('runs "as of" TOOLBELT_NOW: A2, the stamps, the backup and the log file follow it', async () => {
    const run = await runCliAsync(bin, SYNC.slice(0, -2), {
      cwd: dir.path,
      env: { TOOLBELT_NOW: '2023-01-05T14:07:00-08:00', TZ: 'America/Los_Angeles' },
    });
    expect(run.status, run.stderr).toBe(0);
    const after = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    expect(stampOf(after)).toBe('LAST UPDATED: 01/05/23 @ 2:07 PM');
    const rows = after.slice(4);
    expect(rows.filter((r) => r[15] === '2023-01-05')).toHaveLength(7);
    expect(rows.filter((r) => r[14] === 'Yes - 2023-01-05')).toHaveLength(6);
    expect(await readdir(join(dir.path, 'backups'))).toEqual([
      expect.stringMatching(/2023-01-05_22-07-00/),
    ]);
    expect(await readdir(join(dir.path, '.logs'))).toEqual(['2023-01-05_14-07.log']);

    const bad = await runCliAsync(bin, SYNC, {
      cwd: dir.path,
      env: { TOOLBELT_NOW: '2023-01-05 14:07' },
    });
    expect(bad.status).toBe(78);
    expect(bad.stderr).toContain('TOOLBELT_NOW must be an ISO 8601 instant with an offset');
  });

  it('writes nothing but A2 on a second sync with unchanged input', async () => {
    expect((await runCliAsync(bin, SYNC, { cwd: dir.path })).status).toBe(0);
    const first = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    const second = await runCliAsync(bin, [...SYNC.slice(0, -1), '2023-07-20'], { cwd: dir.path });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('No updates found. Nothing to refresh.');
    expect(second.stdout).toContain('0 appended, 0 updated');
    const after = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    expect(withoutStamp(after)).toEqual(withoutStamp(first));
  });

  it('prints the exact diff on --dry-run and writes nothing', async () => {
    const path = join(dir.path, 'tech-tracker.xlsx');
    const bytes = await readFile(path);
    const run = await runCliAsync(bin, [...SYNC, '--dry-run'], { cwd: dir.path });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/key update\s+\d+\s+Start Date\s+2023-08-14\s+2023-08-21/);
    expect(run.stdout).toMatch(/rescind\s+\d+\s+Rescinded\s+--\s+Yes - 2023-07-15/);
    expect(run.stdout).toMatch(/append\s+\d+/);
    expect(await readFile(path)).toEqual(bytes);
    await expect(readdir(join(dir.path, 'backups'))).rejects.toThrow();
  });

  it('exits 64 with a clear message when --school-year is missing or invalid', async () => {
    const missing = await runCliAsync(bin, ['sync', '--mot', 'mot.xlsx'], { cwd: dir.path });
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('Missing --school-year');
    const bad = await runCliAsync(bin, ['sync', '--school-year', '2023'], { cwd: dir.path });
    expect(bad.status).toBe(64);
    expect(bad.stderr).toContain('is not NN-NN');
  });

  it('exits 65 naming duplicate ids and a missing tab, writing nothing', async () => {
    const trackerPath = join(dir.path, 'tech-tracker.xlsx');
    const original = join(dir.path, 'original.xlsx');
    await copyFile(trackerPath, original);
    const sample = sampleSpreadsheets().tracker;
    const rows = sample.tabs[TAB]?.values ?? [];
    const dupId = String(rows[4]?.[1]);
    const sixth = rows[5];
    if (sixth) sixth[1] = dupId;
    await writeWorkbook(sample, trackerPath);
    const bytes = await readFile(trackerPath);
    const dup = await runCliAsync(bin, SYNC, { cwd: dir.path });
    expect(dup.status).toBe(65);
    expect(dup.stderr).toContain(`Duplicate job_candidate_id in ${TAB}: ${dupId}`);
    expect(await readFile(trackerPath)).toEqual(bytes);

    const wrongYear = await runCliAsync(
      bin,
      ['sync', '--school-year', '24-25', '--mot', 'mot.xlsx', '--tracker', 'original.xlsx'],
      { cwd: dir.path },
    );
    expect(wrongYear.status).toBe(65);
    expect(wrongYear.stderr).toContain('Master_24-25');
  });

  it('reads the MOT columns from a --mot-columns map (letters and header names)', async () => {
    await writeFile(
      join(dir.path, 'columns.json'),
      JSON.stringify({
        job_candidate_id: 'job_candidate_id',
        'Start Date': 'J',
        Title: { header: 'Title' },
      }),
    );
    const run = await runCliAsync(
      bin,
      [...SYNC, '--mot-columns', 'columns.json', '--json', '--dry-run'],
      {
        cwd: dir.path,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(parseSyncReport(run.stdout).counts).toMatchObject({ appended: 7, keyChanges: 6 });

    await writeFile(join(dir.path, 'bad.json'), JSON.stringify({ Title: 'No Such Header' }));
    const bad = await runCliAsync(bin, [...SYNC, '--mot-columns', 'bad.json'], { cwd: dir.path });
    expect(bad.status).toBe(65);
    expect(bad.stderr).toContain('no header "No Such Header"');
  });
});
