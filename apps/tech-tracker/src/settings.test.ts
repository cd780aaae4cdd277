import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSyncSettings, settingsProblemsError, type SyncFlags } from './settings.js';

const now = new Date('2023-07-16T03:05:00Z');
const flags = (over: Partial<SyncFlags> = {}): SyncFlags => ({
  'school-year': '23-24',
  timezone: 'America/Los_Angeles',
  'backup-dir': 'backups',
  ...over,
});

describe('sync settings', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = makeTempDir('tech-tracker-settings');
    for (const name of ['mot.xlsx', 'tracker.xlsx']) await writeFile(join(dir.path, name), '');
  });
  afterEach(() => dir.cleanup());
  const path = (name: string) => join(dir.path, name);

  it('flags over env over defaults; today in the time zone', async () => {
    const { settings, problems } = await checkSyncSettings(
      flags({ tracker: path('tracker.xlsx'), 'no-wait': true }),
      { HR_MOT_SHEETS_ID: path('mot.xlsx'), TECH_TRACKER_SHEETS_ID: 'ignored.xlsx' },
      now,
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      schoolYear: '23-24',
      mot: path('mot.xlsx'),
      tracker: path('tracker.xlsx'),
      today: '2023-07-15',
      timeZone: 'America/Los_Angeles',
      columns: {},
      backupDir: 'backups',
      dryRun: false,
      wait: false,
    });
  });

  it('reports every flag mistake at once, as one USAGE error', async () => {
    const { settings, problems } = await checkSyncSettings(
      flags({ 'school-year': '23-25', timezone: 'Mars/Base', today: '2023-02-29' }),
      { HR_MOT_SHEETS_ID: path('nope.xlsx'), TECH_TRACKER_SHEETS_ID: path('tracker.xlsx') },
      now,
    );
    expect(settings).toBeUndefined();
    const error = settingsProblemsError(problems);
    expect(error.code).toBe('USAGE');
    expect(error.problems).toEqual([
      '--school-year "23-25": the second year must follow the first, e.g. 23-24.',
      '--timezone "Mars/Base" is not a known time zone (e.g. America/Los_Angeles).',
      '--today "2023-02-29" is not a date written YYYY-MM-DD.',
      `cannot read ${path('nope.xlsx')}: no such file.`,
    ]);
    expect(error.localized('ru').problems[0]).toBe(
      '--school-year «23-25»: второй год должен следовать за первым, например 23-24.',
    );
  });

  it('reports the column map and the notification settings together, as one CONFIG error', async () => {
    await writeFile(path('columns.json'), '{"Title": ');
    const env = {
      HR_MOT_SHEETS_ID: path('mot.xlsx'),
      TECH_TRACKER_SHEETS_ID: path('tracker.xlsx'),
      NOTIF_TO_ADDRESS: 'hr@@example.org',
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: 'abc',
    };
    const { problems } = await checkSyncSettings(
      flags({ 'mot-columns': path('columns.json') }),
      env,
      now,
    );
    const error = settingsProblemsError(problems);
    expect(error.code).toBe('CONFIG');
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toMatch(/^Cannot read the column map .*columns\.json: /);
    expect(error.localized('ru').problems.slice(1)).toEqual([
      'NOTIF_TO_ADDRESS: «hr@@example.org» не является адресом электронной почты',
      'SMTP_PORT: должен быть номером порта от 1 до 65535, получено «abc»',
    ]);
  });

  it('a single problem is its own error; flag mistakes come before settings problems', async () => {
    const env = {
      HR_MOT_SHEETS_ID: path('mot.xlsx'),
      TECH_TRACKER_SHEETS_ID: path('tracker.xlsx'),
    };
    const one = await checkSyncSettings(flags({ 'mot-columns': path('none.json') }), env, now);
    expect(settingsProblemsError(one.problems).key).toBe('common:errors.inputUnreadable');
    const both = await checkSyncSettings(
      flags({ 'school-year': undefined, 'mot-columns': path('none.json') }),
      env,
      now,
    );
    expect(settingsProblemsError(both.problems).key).toBe(
      'tech-tracker:problems.schoolYearMissing',
    );
  });
});
