import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleStandIn, type GoogleStandIn } from '@toolbelt/testkit/google';
import {
  generateDay,
  startLearningApi,
  type LearningApiStandIn,
} from '@toolbelt/testkit/learning-api';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { startSmtpServer, type SmtpTestServer } from '@toolbelt/testkit/smtp';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import type { RunResult } from '../src/commands/run.js';
import { localDate, serialOfInstant, toSerialDate } from '@toolbelt/dates';
import { computeStats } from '../src/core/stats.js';
import { expectedDay } from './expected.js';
import { runCliAsync } from '@toolbelt/testkit';
import { binPath, jsonOf } from './cli.js';

const SHEET = '1LearningReportSheetForTests0001';
let api: LearningApiStandIn;
let google: GoogleStandIn;
let smtp: SmtpTestServer;
let dir: TempDir;
let databaseUrl: string;

const env = (over: Record<string, string> = {}) => ({
  DATABASE_URL: databaseUrl,
  ITRESUME_API_URL: api.url,
  ITRESUME_CLIENT: 'test-client',
  ITRESUME_CLIENT_KEY: 'test-key',
  GOOGLE_ACCESS_TOKEN: 'stand-in-token',
  GOOGLE_API_ROOT_URL: google.rootUrl,
  SMTP_URL: smtp.url,
  MAIL_FROM: 'etl@example.org',
  MAIL_TO: 'ann@example.org, bob@example.org',
  ...over,
});

const today = () => localDate(new Date());

/** exceljs reads a serial number with a date format back as a Date: turn it into the stored serial. */
const stored = (value: unknown) => (value instanceof Date ? serialOfInstant(value) : value);

function expectedValues(day: string) {
  const outcome = computeStats(expectedDay({ day, count: 500, seed: 4 }).counts);
  if (outcome.kind !== 'ok') throw new Error('generated day has no stats');
  const s = outcome.stats;
  return [
    toSerialDate(day),
    s.users,
    s.runs,
    s.submits,
    s.successes,
    s.ratio,
    s.avgSubmits,
    s.avgSuccesses,
  ];
}

beforeAll(async () => {
  [api, google, smtp, databaseUrl] = await Promise.all([
    startLearningApi({ recordsPerDay: 500, seed: 4 }),
    startGoogleStandIn(),
    startSmtpServer(),
    testDatabaseUrl(),
  ]);
  dir = makeTempDir('learning-etl-report');
}, 120_000);
afterAll(async () => {
  await Promise.all([api?.stop(), google?.stop(), smtp?.stop()]);
  await dir?.cleanup();
});
beforeEach(() => smtp.reset());

describe('report and e-mail', () => {
  it('writes the first sheet of a Google spreadsheet cell by cell and mails the link', async () => {
    google.seedSpreadsheet(SHEET, {
      tabs: {
        Stats: {
          values: [
            ['old label', 'x', 'y', 'old value', 'stray'],
            [],
            [],
            [],
            [],
            [],
            [],
            [],
            [],
            [],
            [],
            ['row 12 junk'],
          ],
        },
        Keep: { values: [['untouched']] },
      },
    });
    const result = await runCliAsync(
      binPath,
      [
        'run',
        '--json',
        '--date',
        '2023-05-31',
        '--report',
        `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`,
      ],
      { cwd: dir.path, env: env() },
    );
    expect(result.status, result.stderr).toBe(0);
    const day = jsonOf<RunResult>(result).days[0];
    expect(day?.reportUpdated).toBe(true);

    const values = google.getValues(SHEET, 'Stats');
    const labels = [
      'Processing date',
      'Unique users',
      'Code runs (run)',
      'Solutions submitted (submit)',
      'Correct solutions',
      'Share of correct solutions',
      'Average submits per user',
      'Average correct solutions per user',
      '',
      'Report date',
    ];
    const expected = [...expectedValues('2023-05-31'), '', toSerialDate(today())];
    expect(values).toHaveLength(10); // row 12's junk was cleared
    for (let row = 0; row < 10; row++) {
      const cells = values[row] ?? [];
      if (row === 8) {
        expect(cells.every((c) => c === '')).toBe(true);
        continue;
      }
      expect(cells[0], `A${row + 1}`).toBe(labels[row]);
      expect(cells[1] ?? '', `B${row + 1}`).toBe('');
      expect(cells[2] ?? '', `C${row + 1}`).toBe('');
      expect(cells[3], `D${row + 1}`).toBe(expected[row]);
      expect(cells.length, `row ${row + 1} has nothing after D`).toBeLessThanOrEqual(4);
    }
    expect(values[0]?.[3]).toBe(45077); // 2023-05-31
    for (const cell of ['D1', 'D10']) {
      expect(JSON.stringify(google.spreadsheets.getCell(SHEET, 'Stats', cell)), cell).toContain(
        'dd.mm.yyyy',
      );
    }
    expect(google.getValues(SHEET, 'Keep')).toEqual([['untouched']]);

    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail?.subject).toBe('Notification of the processing of data for the date: 2023-05-31');
    expect(mail?.text?.trim()).toBe(
      `Data processing for the date is completed, the final statistics are available at the link: ${day?.reportLocation}`,
    );
    expect(day?.reportLocation).toContain(SHEET);
    expect(mail?.envelope.to.sort()).toEqual(['ann@example.org', 'bob@example.org']);
  }, 90_000);

  it('writes an .xlsx report in Russian and splits 150 recipients into messages of at most 100', async () => {
    const recipients = Array.from({ length: 150 }, (_, i) => `user${i}@example.org`);
    const result = await runCliAsync(
      binPath,
      ['run', '--json', '--lang', 'ru', '--date', '2023-06-01', '--report', 'reports/r.xlsx'],
      {
        cwd: dir.path,
        env: env({ MAIL_TO: recipients.join(';') }),
      },
    );
    expect(result.status, result.stderr).toBe(0);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir.path, 'reports/r.xlsx'));
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const labels = [
      'Дата обработки',
      'Уникальных пользователей',
      'Запусков кода (run)',
      'Отправлено решений (submit)',
      'Верных решений',
      'Доля верных решений',
      'Среднее число отправок на пользователя',
      'Среднее число верных решений на пользователя',
    ];
    const expected = expectedValues('2023-06-01');
    for (let row = 1; row <= 8; row++) {
      expect(sheet.getCell(`A${row}`).value, `A${row}`).toBe(labels[row - 1]);
      expect(stored(sheet.getCell(`D${row}`).value), `D${row}`).toBe(expected[row - 1]);
    }
    expect(sheet.getCell('A10').value).toBe('Дата отчёта');
    expect(stored(sheet.getCell('D10').value)).toBe(toSerialDate(today()));
    expect(sheet.getCell('D1').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('D10').numFmt).toBe('dd.mm.yyyy');

    const mails = await smtp.waitFor(2, 30_000);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.envelope.to.length).sort((a, b) => a - b)).toEqual([50, 100]);
    expect(new Set(mails.flatMap((m) => m.envelope.to))).toEqual(new Set(recipients));
    expect(mails[0]?.subject).toBe('Уведомление об обработке данных за: 2023-06-01');
    expect(mails[0]?.text?.trim()).toBe(
      `Обработка данных за дату завершена, итоговая статистика по ссылке: ${join(dir.path, 'reports/r.xlsx')}`,
    );
  }, 90_000);

  it('a day without submits leaves the report alone and the mail says so', async () => {
    const runsOnly = [...generateDay({ day: '2023-07-01', count: 40, seed: 2, quirkRate: 0 })].map(
      (r) => ({ ...r, attempt_type: 'run', is_correct: null }),
    );
    await writeFile(join(dir.path, 'runs-only.json'), JSON.stringify(runsOnly));
    const result = await runCliAsync(
      binPath,
      [
        'run',
        '--json',
        '--date',
        '2023-07-01',
        '--source-file',
        'runs-only.json',
        '--report',
        'reports/none.xlsx',
      ],
      { cwd: dir.path, env: env() },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(jsonOf<RunResult>(result).days[0]).toMatchObject({
      reportUpdated: false,
      noStatsReason: 'noSubmits',
      stats: null,
      loaded: 40,
    });
    expect(existsSync(join(dir.path, 'reports/none.xlsx'))).toBe(false);
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail?.text?.trim()).toBe(
      'Data processing for the date has been completed, Google Sheets report HAS NOT BEEN UPDATED!',
    );
  }, 90_000);

  it('a report that cannot be written still sends the mail, saying so, and exits 1 (PARTIAL)', async () => {
    const result = await runCliAsync(
      binPath,
      ['run', '--json', '--date', '2023-05-31', '--report', SHEET],
      {
        cwd: dir.path,
        env: env({ GOOGLE_ACCESS_TOKEN: '' }),
      },
    );
    expect(result.status).toBe(1);
    const day = jsonOf<RunResult>(result).days[0];
    expect(day?.reportUpdated).toBe(false);
    expect(day?.problems.join()).toMatch(/report/);
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail?.text?.trim()).toBe(
      'Data processing for the date has been completed, Google Sheets report HAS NOT BEEN UPDATED!',
    );
  }, 90_000);
});
