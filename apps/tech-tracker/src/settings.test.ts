import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { describe, expect, it } from 'vitest';
import {
  checkSyncSettings,
  readSettingsFiles,
  settingsProblemsError,
  type SettingsFiles,
  type SyncFlags,
} from './settings.js';

const now = new Date('2023-07-16T03:05:00Z');
const flags = (over: Partial<SyncFlags> = {}): SyncFlags => ({
  'school-year': '23-24',
  timezone: 'America/Los_Angeles',
  'backup-dir': 'backups',
  ...over,
});
const readable: SettingsFiles = { unreadable: new Map(), columnMap: undefined };
const noSuchFile = (path: string) =>
  Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });

describe('checkSyncSettings', () => {
  it('flags over env over defaults; today in the time zone', () => {
    const { settings, problems } = checkSyncSettings(
      flags({ tracker: 'tracker.xlsx', 'no-wait': true }),
      { HR_MOT_SHEETS_ID: 'hr.xlsx', TECH_TRACKER_SHEETS_ID: 'ignored.xlsx' },
      now,
      readable,
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      schoolYear: '23-24',
      mot: 'hr.xlsx',
      tracker: 'tracker.xlsx',
      today: '2023-07-15',
      timeZone: 'America/Los_Angeles',
      columns: {},
      backupDir: 'backups',
      dryRun: false,
      wait: false,
    });
    expect(checkSyncSettings(flags(), {}, now, readable).settings).toMatchObject({
      mot: 'mot.xlsx',
      tracker: 'tech-tracker.xlsx',
    });
  });

  it('reports every flag mistake at once, as one USAGE error', () => {
    const { settings, problems } = checkSyncSettings(
      flags({ 'school-year': '23-25', timezone: 'Mars/Base', today: '2023-02-29' }),
      { HR_MOT_SHEETS_ID: 'nope.xlsx' },
      now,
      { unreadable: new Map([['nope.xlsx', noSuchFile('nope.xlsx')]]), columnMap: undefined },
    );
    expect(settings).toBeUndefined();
    const error = settingsProblemsError(problems);
    expect(error.code).toBe('USAGE');
    expect(error.problems).toEqual([
      '--school-year "23-25": the second year must follow the first, e.g. 23-24.',
      '--timezone "Mars/Base" is not a known time zone (e.g. America/Los_Angeles).',
      '--today "2023-02-29" is not a date written YYYY-MM-DD.',
      'cannot read nope.xlsx: no such file.',
    ]);
    expect(error.localized('ru').problems[0]).toBe(
      '--school-year «23-25»: второй год должен следовать за первым, например 23-24.',
    );
  });

  it('reports the column map and the notification settings together, as one CONFIG error', () => {
    const env = {
      NOTIF_TO_ADDRESS: 'hr@@example.org',
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: 'abc',
    };
    const { problems } = checkSyncSettings(flags({ 'mot-columns': 'columns.json' }), env, now, {
      unreadable: new Map(),
      columnMap: { text: '{"Title": ' },
    });
    const error = settingsProblemsError(problems);
    expect(error.code).toBe('CONFIG');
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toMatch(/^Cannot read the column map columns\.json: /);
    expect(error.localized('ru').problems.slice(1)).toEqual([
      'NOTIF_TO_ADDRESS: «hr@@example.org» не является адресом электронной почты',
      'SMTP_PORT: должен быть номером порта от 1 до 65535, получено «abc»',
    ]);
  });

  it('a single problem is its own error; flag mistakes come before settings problems', () => {
    const missing: SettingsFiles = {
      unreadable: new Map(),
      columnMap: { error: noSuchFile('none.json') },
    };
    const one = checkSyncSettings(flags({ 'mot-columns': 'none.json' }), {}, now, missing);
    expect(settingsProblemsError(one.problems)).toMatchObject({
      code: 'CONFIG',
      message: 'cannot read none.json: no such file.',
    });
    const both = checkSyncSettings(
      flags({ 'school-year': undefined, 'mot-columns': 'none.json' }),
      {},
      now,
      missing,
    );
    expect(settingsProblemsError(both.problems).key).toBe(
      'tech-tracker:problems.schoolYearMissing',
    );
  });

  it('a column map with unknown fields lists each', () => {
    const { problems } = checkSyncSettings(flags({ 'mot-columns': 'map.json' }), {}, now, {
      unreadable: new Map(),
      columnMap: { text: JSON.stringify({ Nope: 'A', Title: -1 }) },
    });
    expect(settingsProblemsError(problems).problems).toEqual([
      'Column map: "Nope" is not a known field.',
      'Column map: "Title" -1 is not a column index, letter or header name.',
    ]);
  });
});

describe('readSettingsFiles', () => {
  it('finds the workbooks that cannot be read and reads the column map', async () => {
    const dir = makeTempDir('tech-tracker-settings');
    try {
      await writeFile(join(dir.path, 'mot.xlsx'), '');
      await writeFile(join(dir.path, 'map.json'), '{}');
      const files = await readSettingsFiles(
        flags({
          mot: join(dir.path, 'mot.xlsx'),
          tracker: join(dir.path, 'none.xlsx'),
          'mot-columns': join(dir.path, 'map.json'),
        }),
        {},
      );
      expect([...files.unreadable.keys()]).toEqual([join(dir.path, 'none.xlsx')]);
      expect(files.columnMap).toEqual({ text: '{}' });
    } finally {
      await dir.cleanup();
    }
  });
});
