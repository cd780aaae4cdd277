import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireLock } from '@toolbelt/lock';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../../examples/tech-tracker/make.mjs';
import { sampleSpreadsheets } from '../../../examples/tech-tracker/sample-data.mjs';
import { exampleFolder } from './workbooks.js';
import { parseErrorJson } from './json.js';

// Issue 14: an error of every package tech-tracker uses reaches the user in the run's
// language, from the catalog of the package that raised it; `message` stays English for logs.
const bin = appBin(import.meta.url);
const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  runCliAsync(bin, args, { cwd, env });

describe('tech-tracker sync --lang ru: every error in Russian', () => {
  const dir = exampleFolder('tech-tracker-ru');

  it('google: a workbook without the school year tab (tabMissing)', async () => {
    const ru = await run(['sync', '--school-year', '24-25', '--lang', 'ru'], dir.path);
    expect(ru.status, ru.stderr).toBe(65);
    expect(ru.stderr).toMatch(/^Ошибка: Лист\(ы\) Master_24-25 не найдены в \S*mot\.xlsx; есть: /m);
    expect(ru.stderr).not.toContain('not found');
    const en = await run(['sync', '--school-year', '24-25'], dir.path);
    expect(en.stderr).toMatch(/^Error: Tab\(s\) Master_24-25 not found in /m);
    // --json: the same error, its message in the run's language.
    const json = parseErrorJson(
      (await run(['sync', '--school-year', '24-25', '--lang', 'ru', '--json'], dir.path)).stdout,
    );
    expect(json).toMatchObject({ code: 'DATA', exitCode: 65 });
    expect(json.message).toContain('Лист(ы) Master_24-25 не найдены');
  });

  it('lock: a tracker held by another run, with --no-wait', async () => {
    const tracker = join(dir.path, 'tech-tracker.xlsx');
    const before = await readFile(tracker);
    const lock = await acquireLock(tracker, { command: 'test holder' });
    try {
      const ru = await run(
        ['sync', '--school-year', '23-24', '--no-wait', '--lang', 'ru', '--today', '2023-07-15'],
        dir.path,
      );
      expect(ru.status, ru.stderr).toBe(75);
      expect(ru.stderr).toContain(
        `tech-tracker.xlsx заблокирован процессом test holder (pid ${process.pid} на `,
      );
      expect(ru.stderr).toContain('уберите --no-wait, чтобы дождаться его');
      expect(ru.stderr).not.toContain('locked by');
      expect((await readFile(tracker)).equals(before)).toBe(true);
    } finally {
      await lock.release();
    }
  });

  it('notify: a notification setting that is wrong', async () => {
    await writeFile(join(dir.path, '.env'), 'NOTIF_TO_ADDRESS=tech@example.org\nSMTP_PORT=abc\n');
    const ru = await run(['sync', '--school-year', '23-24', '--dry-run', '--lang', 'ru'], dir.path);
    expect(ru.status, ru.stderr).toBe(78);
    expect(ru.stderr).toContain(
      'Ошибка: Настройки отсутствуют или неверны:\n  - SMTP_PORT: должен быть номером порта от 1 до 65535, получено «abc»\n',
    );
  });

  it('tech-tracker: flag mistakes and data problems, each in the list', async () => {
    const flags = await run(
      ['sync', '--school-year', '2324', '--today', '2023-02-30', '--lang', 'ru'],
      dir.path,
    );
    expect(flags.status, flags.stderr).toBe(64);
    expect(flags.stderr).toContain(
      'Ошибка: Проблемы с флагами (2):\n' +
        '  - --school-year «2324» не в формате NN-NN: передайте, например, --school-year 23-24.\n' +
        '  - --today «2023-02-30» не является датой в формате YYYY-MM-DD.\n',
    );
    const sample = sampleSpreadsheets();
    const rows = sample.tracker.tabs['23-24 Tracker']?.values ?? [];
    const id = String(rows[4]?.[1]);
    const sixth = rows[5];
    if (sixth) sixth[1] = id;
    await writeWorkbook(sample.tracker, join(dir.path, 'tech-tracker.xlsx'));
    const data = await run(['sync', '--school-year', '23-24', '--lang', 'ru'], dir.path);
    expect(data.status, data.stderr).toBe(65);
    expect(data.stderr).toContain(
      'Ошибка: Таблицы нельзя синхронизировать:\n' +
        `  - Повторяющиеся job_candidate_id на листе 23-24 Tracker: ${id}\n` +
        'Ничего не записано. Исправьте таблицу и запустите синхронизацию снова.\n',
    );
  });

  it('cli-kit and common: an input workbook that is not there, with another flag mistake', async () => {
    const ru = await run(
      ['sync', '--school-year', '23-24', '--mot', 'nope.xlsx', '--timezone', 'Mars/Base'],
      dir.path,
      { TOOLBELT_LANG: 'ru' },
    );
    expect(ru.status, ru.stderr).toBe(64);
    expect(ru.stderr).toContain('  - не удалось прочитать nope.xlsx: нет такого файла.\n');
    expect(ru.stderr).toContain('  - --timezone «Mars/Base» не является известным часовым поясом');
  });
});
