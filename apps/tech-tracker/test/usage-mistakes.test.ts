import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vitest from 'vitest';
import { describe, expect, it } from 'vitest';
import { runBin } from '@toolbelt/testkit/cli-mistakes';
import { usageMistakes } from '@toolbelt/testkit/usage-mistakes';
import { parseErrorJson } from './json.js';

const kit = usageMistakes(import.meta.url, vitest);
const { bin } = kit;

await kit.describeTypedFlagMistakes('log-keep');

describe('the everyday mistakes of tech-tracker', () => {
  kit.walkMistakes([
    [
      ['snc'],
      64,
      'Unknown command "snc". Did you mean "sync"?',
      'Возможно, имелась в виду «sync»?',
    ],
    [
      ['sync', '--dryrun'],
      64,
      'Unknown flag --dryrun. Did you mean --dry-run?\nSee --help for usage.\n',
      'Неизвестный флаг --dryrun. Возможно, имелся в виду --dry-run?',
    ],
    [
      ['sync', '--mot', 'a.xlsx', '--mot', 'b.xlsx', '--school-year', '23-24'],
      64,
      '--mot was given more than once; give it once.',
      '--mot указан больше одного раза; укажите его один раз.',
    ],
    [
      ['sync', '--school-year', '23-24', '--mot', 'nope.xlsx'],
      64,
      'cannot read nope.xlsx: no such file.',
      'не удалось прочитать nope.xlsx: нет такого файла.',
    ],
    [
      ['sync', '--school-year', '2324', '--today', 'x', '--mot', 'nope.xlsx'],
      64,
      '4 problems with the flags:\n  - --school-year "2324" is not NN-NN',
      'Проблемы с флагами (4):',
    ],
    [
      ['sync', '--school-year', '23-24', '--dotenv', 'missing.env'],
      78,
      'cannot read missing.env: no such file. Check the --dotenv path.',
      'не удалось прочитать missing.env: нет такого файла.',
    ],
    [
      ['sync', '--verbose', '--quiet'],
      64,
      '--verbose cannot be used together with --quiet.',
      '--verbose нельзя использовать вместе с --quiet.',
    ],
  ]);

  it('answers `help`, `help sync` and `-v`', () => {
    expect(kit.inEmptyDir(['help']).stdout).toContain('COMMANDS');
    expect(kit.inEmptyDir(['help', 'sync']).stdout).toContain('--school-year');
    expect(kit.inEmptyDir(['-v']).stdout).toMatch(/^@toolbelt\/tech-tracker\//);
  });
});

describe('notification settings of tech-tracker', () => {
  it('are checked together before any work, in a dry run too: one run shows all three', () => {
    const dir = kit.tempDir();
    const examples = fileURLToPath(new URL('../../../examples/tech-tracker/', import.meta.url));
    for (const name of ['mot.xlsx', 'tech-tracker.xlsx'])
      copyFileSync(join(examples, name), join(dir.path, name));
    writeFileSync(
      join(dir.path, '.env'),
      'NOTIF_TO_ADDRESS=hr@@example.org\nSMTP_HOST=smtp.example.org\nSMTP_PORT=abc\nSLACK_WEBHOOK_URL=not-a-url\n',
    );
    const before = readFileSync(join(dir.path, 'tech-tracker.xlsx'));
    for (const args of [['--dry-run'], []]) {
      const r = runBin(bin, ['sync', '--school-year', '23-24', ...args], { cwd: dir.path });
      expect(r.status, r.stderr).toBe(78);
      expect(r.stderr).toContain(
        '  - NOTIF_TO_ADDRESS: "hr@@example.org" is not an e-mail address\n',
      );
      expect(r.stderr).toContain(
        '  - SMTP_PORT: must be a port number from 1 to 65535, got "abc"\n',
      );
      expect(r.stderr).toContain('  - SLACK_WEBHOOK_URL: not a URL');
    }
    // In a Russian run the same three problems, in one run, in Russian (notify's catalog).
    const ru = runBin(bin, ['sync', '--school-year', '23-24', '--dry-run', '--lang', 'ru'], {
      cwd: dir.path,
    });
    expect(ru.status, ru.stderr).toBe(78);
    expect(ru.stderr).toContain(
      'Ошибка: Настройки отсутствуют или неверны:\n' +
        '  - NOTIF_TO_ADDRESS: «hr@@example.org» не является адресом электронной почты\n' +
        '  - SMTP_PORT: должен быть номером порта от 1 до 65535, получено «abc»\n' +
        '  - SLACK_WEBHOOK_URL: не URL; ожидается https://hooks.slack.com/services/...\n',
    );
    expect(ru.stderr).not.toMatch(/is not an e-mail address|must be a port|not a URL/);
    const json = runBin(bin, ['sync', '--school-year', '23-24', '--dry-run', '--json'], {
      cwd: dir.path,
      env: { TOOLBELT_LANG: 'ru' },
    });
    expect(json.status).toBe(78);
    expect(parseErrorJson(json.stdout).problems).toHaveLength(3);
    expect(readFileSync(join(dir.path, 'tech-tracker.xlsx'))).toEqual(before);
    expect(
      readdirSync(dir.path)
        .filter((n) => n !== '.logs')
        .sort(),
    ).toEqual(['.env', 'mot.xlsx', 'tech-tracker.xlsx']);
  });
});

describe('a malformed workbook', () => {
  it('is named, in our words and the run language; the library text is the --json cause', () => {
    const dir = kit.tempDir();
    writeFileSync(join(dir.path, 'text.xlsx'), 'not a workbook\n');
    copyFileSync(
      fileURLToPath(new URL('../../../examples/tech-tracker/tech-tracker.xlsx', import.meta.url)),
      join(dir.path, 'tech-tracker.xlsx'),
    );
    const args = ['sync', '--school-year', '23-24', '--mot', 'text.xlsx', '--dry-run'];
    const en = runBin(bin, args, { cwd: dir.path });
    expect(en.status).toBe(65);
    expect(en.stderr).toContain(
      `Error: ${dir.path}/text.xlsx is not an .xlsx workbook that can be read: open it in a spreadsheet program and save it as .xlsx.\n`,
    );
    expect(en.stderr).not.toContain('central directory');
    const ru = runBin(bin, [...args, '--lang', 'ru', '--json'], { cwd: dir.path });
    expect(ru.status).toBe(65);
    const error = parseErrorJson(ru.stdout);
    expect(error.message).toContain('не является читаемой книгой .xlsx');
    expect(error.cause).toContain("Can't find end of central directory");
  });
});

describe('a settings file that cannot be read', () => {
  it('--mot-columns nope.json: 78, in the one wording of every tool', () => {
    const dir = kit.tempDir();
    const examples = fileURLToPath(new URL('../../../examples/tech-tracker/', import.meta.url));
    for (const name of ['mot.xlsx', 'tech-tracker.xlsx'])
      copyFileSync(join(examples, name), join(dir.path, name));
    const args = ['sync', '--school-year', '23-24', '--mot-columns', 'nope.json', '--dry-run'];
    const en = runBin(bin, args, { cwd: dir.path });
    expect(en.status).toBe(78);
    expect(en.stderr).toBe('Error: cannot read nope.json: no such file.\n');
    const ru = runBin(bin, [...args, '--lang', 'ru'], { cwd: dir.path });
    expect(ru.stderr).toBe('Ошибка: не удалось прочитать nope.json: нет такого файла.\n');
  });
});
