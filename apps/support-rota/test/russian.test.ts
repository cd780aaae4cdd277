import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '@toolbelt/lock';
import { runCliAsync } from '@toolbelt/testkit';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, writeRota } from './builders.js';
import { errorResult, parseJson } from './schemas.js';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('support-rota-ru');
});
afterEach(async () => {
  await dir.cleanup();
});

/** `generate --lang ru` on a small rota in `dir`, with `args`. */
const inRussian = (args: string[]) =>
  runCliAsync(bin, ['generate', '--config', writeRota(dir.path), ...args, '--lang', 'ru'], {
    cwd: dir.path,
  });

// One error of each package support-rota raises errors through, as a user sees it: the
// error carries its texts, so no catalog needs registering in the command.
describe('errors of every package, in Russian through the real CLI (--lang ru)', () => {
  it('google: an .ics file that is not a calendar (DATA 65)', async () => {
    const ics = join(dir.path, 'broken.ics');
    writeFileSync(ics, 'not a calendar');
    const run = await inRussian(['--ics', ics]);
    expect(run.status, run.stderr).toBe(65);
    expect(run.stderr).toContain(`Ошибка: Не удалось прочитать файл календаря ${ics}`);
    // --json keeps the user's language in the message, the code for machines.
    const json = parseJson(errorResult, (await inRussian(['--ics', ics, '--json'])).stdout);
    expect(json.error).toMatchObject({ code: 'DATA', exitCode: 65 });
    expect(json.error.message).toContain('Не удалось прочитать файл календаря');
  });

  it('lock: an .ics file held by another run, with --no-wait (TEMPFAIL 75)', async () => {
    const ics = join(dir.path, 'rota.ics');
    const lock = await acquireLock(ics, { command: 'test holder' });
    try {
      const run = await inRussian(['--ics', ics, '--no-wait']);
      expect(run.status, run.stderr).toBe(75);
      expect(run.stderr).toContain(
        `Ошибка: ${ics} заблокирован процессом test holder (pid ${process.pid}`,
      );
    } finally {
      await lock.release();
    }
  });

  it('support-rota: a malformed holidays file (DATA 65) and invalid flags (USAGE 64)', async () => {
    writeFileSync(join(dir.path, 'days.json'), '["25/12/2025"]');
    const holidays = await inRussian(['--holidays', 'days.json', '--ics', 'rota.ics']);
    expect(holidays.status, holidays.stderr).toBe(65);
    expect(holidays.stderr).toContain(
      `Ошибка: Файл праздников ${join(dir.path, 'days.json')} повреждён: "25/12/2025" — не дата ГГГГ-ММ-ДД`,
    );
    const settings = await inRussian(['--start', 'soon', '--cycles', '0']);
    expect(settings.status, settings.stderr).toBe(64);
    expect(settings.stderr).toContain(
      [
        'Ошибка: Настройки графика неверны:',
        '  - --start: «soon» — не дата (ГГГГ-ММ-ДД).',
        '  - --cycles: число циклов должно быть целым и не меньше 1 (получено «0»).',
      ].join('\n'),
    );
  });

  it('cli-kit: a config file that cannot be read (CONFIG 78)', async () => {
    const run = await runCliAsync(bin, ['generate', '--config', 'nope.yaml', '--lang', 'ru'], {
      cwd: dir.path,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('Ошибка: не удалось прочитать nope.yaml: нет такого файла.');
  });
});
