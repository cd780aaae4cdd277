import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { serialOfInstant, toSerialDate } from '@toolbelt/dates';
import { runCliAsync } from '@toolbelt/testkit';
import { binPath } from './cli.js';

let dir: TempDir;
beforeAll(() => {
  dir = makeTempDir('learning-etl-logs');
});
afterAll(() => dir?.cleanup());

const example = new URL(
  '../../../examples/learning-etl/api-response-2023-05-31.json',
  import.meta.url,
).pathname;

describe('log files', () => {
  it('one file per run named %Y-%m-%d_%H-%M.log, original line format, defects per line, newest 3 kept, foreign files untouched', async () => {
    const logs = join(dir.path, '.logs');
    mkdirSync(logs);
    for (const name of [
      '2020-01-01_10-00.log',
      '2020-01-02_10-00.log',
      '2020-01-03_10-00.log',
      'notes.txt',
      '2020-01-04.log',
    ])
      writeFileSync(join(logs, name), 'old');
    const result = await runCliAsync(
      binPath,
      ['run', '--dry-run', '--date', '2023-05-31', '--source-file', example, '--lang', 'ru'],
      { cwd: dir.path },
    );
    expect(result.status, result.stderr).toBe(0);
    const names = readdirSync(logs).sort();
    const runFile = names.find(
      (n) => /^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}\.log$/.test(n) && !n.startsWith('2020'),
    );
    expect(runFile).toBeDefined();
    expect(names).toEqual(
      [
        '2020-01-02_10-00.log',
        '2020-01-03_10-00.log',
        '2020-01-04.log',
        runFile,
        'notes.txt',
      ].sort(),
    );
    const lines = readFileSync(join(logs, runFile ?? ''), 'utf8')
      .trim()
      .split('\n');
    for (const line of lines)
      expect(line).toMatch(
        /^\[learning-etl\] \[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] \[(DEBUG|INFO|WARN|ERROR)\] > /,
      );
    const text = lines.join('\n');
    expect(text).toContain(
      'строка № 21 не прочитана - ошибка - отсутствует идентификатор <lti_user_id>',
    );
    expect(text).toContain('всего прочитано строк: 300, из них успешно: 291, повреждено: 9');
    expect(text).toMatch(
      /\] > строка \d+ есть ошибки: пропущено значение поля: <lis_result_sourcedid>/,
    );
  }, 60_000);

  it("writes one defect line per record in the original's words, numbered by position", async () => {
    const uid = (c: string) => c.repeat(32);
    const full =
      "{'oauth_consumer_key': '', 'lis_result_sourcedid': 's', 'lis_outcome_service_url': 'u'}";
    const records = [
      { lti_user_id: uid('a'), passback_params: full, is_correct: null, attempt_type: 'run' },
      // Record 2: no lis_outcome_service_url.
      {
        lti_user_id: uid('b'),
        passback_params: "{'oauth_consumer_key': '', 'lis_result_sourcedid': 's'}",
        is_correct: null,
        attempt_type: 'run',
      },
      // Record 3: a null key and a submit without is_correct.
      {
        lti_user_id: uid('c'),
        passback_params:
          "{'oauth_consumer_key': None, 'lis_result_sourcedid': 's', 'lis_outcome_service_url': 'u'}",
        is_correct: null,
        attempt_type: 'submit',
      },
    ].map((r) => ({ ...r, created_at: '2023-05-31 10:00:00.000001' }));
    const file = join(dir.path, 'defects.json');
    writeFileSync(file, JSON.stringify(records));
    const messages = async (lang: string): Promise<string[]> => {
      const cwd = join(dir.path, lang);
      mkdirSync(cwd);
      const result = await runCliAsync(
        binPath,
        ['run', '--dry-run', '--date', '2023-05-31', '--source-file', file, '--lang', lang],
        { cwd },
      );
      expect(result.status, result.stderr).toBe(0);
      const log = readdirSync(join(cwd, '.logs'))[0] ?? '';
      return readFileSync(join(cwd, '.logs', log), 'utf8')
        .split('\n')
        .map((line) => line.replace(/^\[[^\]]*\] \[[^\]]*\] \[[A-Z]+\] > /, ''))
        .filter((m) => /^(line|строка) \d/.test(m));
    };
    expect(await messages('en')).toEqual([
      'line 2 there are errors: value of the field is missing: <lis_outcome_service_url>',
      'line 3 there are errors: value of the field is missing: <oauth_consumer_key>' +
        ' incorrect combination of parameters: <is_correct>/<attempt_type>',
    ]);
    expect(await messages('ru')).toEqual([
      'строка 2 есть ошибки: пропущено значение поля: <lis_outcome_service_url>',
      'строка 3 есть ошибки: пропущено значение поля: <oauth_consumer_key>' +
        ' некорректное сочетание значений полей: <is_correct>/<attempt_type>',
    ]);
  }, 60_000);

  it('runs "as of" TOOLBELT_NOW: the report date (D10) and the log file name follow it', async () => {
    const cwd = join(dir.path, 'as-of');
    mkdirSync(cwd);
    const result = await runCliAsync(
      binPath,
      ['run', '--date', '2023-05-31', '--source-file', example, '--report', 'r.xlsx', '--no-email'],
      { cwd, env: { TOOLBELT_NOW: '2023-01-05T14:07:00-08:00', TZ: 'America/Los_Angeles' } },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(cwd, '.logs'))).toEqual(['2023-01-05_14-07.log']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(cwd, 'r.xlsx'));
    const d10 = book.worksheets[0]?.getCell('D10').value;
    const serial = d10 instanceof Date ? serialOfInstant(d10) : d10;
    expect(serial).toBe(toSerialDate('2023-01-05'));
    expect(readFileSync(join(cwd, '.logs', '2023-01-05_14-07.log'), 'utf8')).toMatch(
      // The clock runs on from the instant: the first line is within the hour.
      /^\[learning-etl\] \[2023-01-05 14:\d{2}:\d{2}\] /,
    );
  }, 90_000);
});
