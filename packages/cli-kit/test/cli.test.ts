import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '@toolbelt/testkit';
import { runOnPty, type PtyStep } from '@toolbelt/testkit/pty';

const bin = join(dirname(fileURLToPath(import.meta.url)), 'fixture', 'bin', 'run.js');

/** What the fixture prints with --json: a result, or `{ error }`. */
interface JsonOut {
  error: { code?: string; exitCode?: number; message?: string; hint?: string; problems?: string[] };
  [key: string]: unknown;
}

const out = (text: string): JsonOut => JSON.parse(text) as JsonOut;

function run(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string } = {},
) {
  // A fresh working folder per run: its .env and .logs are the run's own.
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'kit-'));
  return { ...runCli(bin, args, { ...options, cwd, timeoutMs: 60_000 }), cwd };
}

describe('exit statuses reach the shell', () => {
  it('exits 0 with the result as JSON on stdout and logs on stderr', () => {
    const r = run(['ok', '--json', '--name', 'Ann']);
    expect(r.status).toBe(0);
    expect(out(r.stdout)).toEqual({ greeting: 'Hello, Ann' });
    expect(r.stderr).toContain('Hello, Ann');
  });

  it.each([
    ['DATA', 65],
    ['UNAVAILABLE', 69],
    ['TEMPFAIL', 75],
    ['AUTH', 77],
    ['CONFIG', 78],
    ['USAGE', 64],
  ])('maps %s to %i, with and without --json', (code, status) => {
    const human = run(['fail', '--code', code]);
    expect(human.status).toBe(status);
    expect(human.stderr).toContain(`failed with ${code}`);
    const json = run(['fail', '--code', code, '--json']);
    expect(json.status).toBe(status);
    expect(out(json.stdout).error).toMatchObject({ code, exitCode: status });
  });

  it("prints a package's error in the user's language though no command registers its catalog", () => {
    const ru = run(['fail', '--code', 'PACKAGE', '--lang', 'ru']);
    expect(ru.status).toBe(65);
    expect(ru.stderr).toBe(
      'Ошибка: Лист Master_24-25 не найден в mot.xlsx.\nДобавьте лист или передайте другой --school-year.\n',
    );
    const en = run(['fail', '--code', 'PACKAGE']);
    expect(en.status).toBe(65);
    expect(en.stderr).toBe(
      'Error: Tab Master_24-25 not found in mot.xlsx.\nAdd the tab or pass another --school-year.\n',
    );
    const json = run(['fail', '--code', 'PACKAGE', '--json', '--lang', 'ru']);
    expect(out(json.stdout).error).toMatchObject({
      code: 'DATA',
      exitCode: 65,
      message: 'Лист Master_24-25 не найден в mot.xlsx.',
      hint: 'Add the tab or pass another --school-year.',
    });
  });

  it('reports a bug as INTERNAL (70) naming the log file', () => {
    const r = run(['fail', '--code', 'BUG']);
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(
      /Internal error: undefined is not a function.*\.logs\/\d{4}-\d\d-\d\d_\d\d-\d\d\.log/s,
    );
    const logs = readdirSync(join(r.cwd, '.logs'));
    expect(logs).toHaveLength(1);
    expect(readFileSync(join(r.cwd, '.logs', logs[0]!), 'utf8')).toContain('TypeError');
  });

  it('keeps PARTIAL (1) after printing the result', () => {
    const r = run(['fail', '--code', 'PARTIAL', '--json']);
    expect(r.status).toBe(1);
    expect(out(r.stdout)).toEqual({ done: 1, failed: 1 });
  });

  it('exits 64 on a wrong flag, with and without --json', () => {
    const human = run(['ok', '--no-such-flag']);
    expect(human.status).toBe(64);
    expect(human.stderr).toContain('--no-such-flag');
    const json = run(['ok', '--no-such-flag', '--json']);
    expect(json.status).toBe(64);
    expect(out(json.stdout).error.code).toBe('USAGE');
    expect(run(['ok', '--lang', 'fr']).status).toBe(64);
  });

  it('exits 64 when input is needed and stdin is not a terminal, naming the flag', () => {
    const r = run(['ask']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('pass --name');
    expect(run(['ask', '--name', 'Bob', '--json']).stdout).toContain('"Bob"');
  });
});

describe('configuration', () => {
  it('lists every missing or invalid setting at once and exits 78', () => {
    const r = run(['config'], { env: { FIXTURE_PORT: 'abc' } });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('FIXTURE_URL: required but not set');
    expect(r.stderr).toContain('FIXTURE_CLIENT: required but not set');
    expect(r.stderr).toContain('FIXTURE_PORT:');
    expect(r.stderr.match(/Set the variables in the environment/g)).toHaveLength(1);
    const json = run(['config', '--json'], { env: { FIXTURE_PORT: 'abc' } });
    expect(json.status).toBe(78);
    expect(out(json.stdout).error.problems).toHaveLength(3);
    const ru = run(['config', '--lang', 'ru'], { env: { FIXTURE_PORT: 'abc' } });
    expect(ru.status).toBe(78);
    expect(ru.stderr).toContain('Настройки отсутствуют или неверны:');
    expect(ru.stderr).toContain('FIXTURE_URL: обязателен, но не задан');
    expect(ru.stderr).toContain('FIXTURE_PORT: должен быть числом, получено «abc»');
    expect(ru.stderr).toContain('Задайте переменные в окружении или в .env');
    // The log file keeps the English words of every problem.
    const [log] = readdirSync(join(ru.cwd, '.logs'));
    expect(readFileSync(join(ru.cwd, '.logs', log!), 'utf8')).toContain(
      '  - FIXTURE_PORT: must be a number, got "abc"',
    );
  });

  it('reads .env, with the process environment taking precedence', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kit-'));
    writeFileSync(
      join(cwd, '.env'),
      'FIXTURE_URL=https://file.example/\nFIXTURE_CLIENT=c\nFIXTURE_PORT=1\n',
    );
    const r = run(['config', '--json'], { cwd, env: { FIXTURE_PORT: '2' } });
    expect(r.status).toBe(0);
    expect(out(r.stdout)).toEqual({ url: 'https://file.example/', port: 2 });
  });

  it('fails with 78 when --env-file does not exist', () => {
    // Spawned as `node -- bin`: Node 20 itself scans argv for --env-file and exits 9 on a missing file.
    const r = run(['config', '--env-file=missing.env']);
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('missing.env');
  });
});

describe('secrets', () => {
  it('never prints secret env values in errors, logs or --json', () => {
    const env = { FIXTURE_PASSWORD: 'sup3r-s3cret', FIXTURE_TOKEN: 'tok-123456' };
    const r = run(['fail', '--code', 'DATA', '--json'], { env });
    expect(r.stdout + r.stderr).not.toContain('sup3r-s3cret');
    const ok = run(['ok', '--json'], { env });
    expect(out(ok.stdout).token).toBe('***');
    const logs = readdirSync(join(r.cwd, '.logs'));
    expect(readFileSync(join(r.cwd, '.logs', logs[0]!), 'utf8')).not.toContain('sup3r-s3cret');
  });
});

describe('localised help', () => {
  it('prints Russian headings and descriptions with --lang ru', () => {
    const r = run(['ok', '--help', '--lang', 'ru']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ИСПОЛЬЗОВАНИЕ');
    expect(r.stdout).toContain('ФЛАГИ');
    expect(r.stdout).toContain('Всё хорошо.');
    expect(r.stdout).toContain('Имя для приветствия.');
    expect(r.stdout).toContain('КОДЫ ВЫХОДА');
    expect(r.stdout).toContain('64  USAGE');
    expect(r.stdout).not.toContain('USAGE\n');
  });

  it('prints English by default and follows LANG', () => {
    const en = run(['ok', '--help']);
    expect(en.stdout).toContain('USAGE');
    expect(en.stdout).toContain('Everything is fine.');
    expect(en.stdout).toContain('EXIT CODES');
    const ru = run(['ok', '--help'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stdout).toContain('ИСПОЛЬЗОВАНИЕ');
  });

  it('reports errors in Russian with --lang ru', () => {
    const r = run(['ask', '--lang', 'ru']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('Ошибка: Требуется ввод');
  });
});

describe('usage mistakes: exit 64 naming the flag, en and ru, human and --json', () => {
  const cases: [string[], string, string][] = [
    [
      ['--cycles', 'abc'],
      '--cycles expects an integer, got "abc".',
      '--cycles ожидает целое число, получено «abc».',
    ],
    [
      ['--cycles', '0'],
      '--cycles expects an integer of at least 1, got "0".',
      '--cycles ожидает целое число не меньше 1, получено «0».',
    ],
    [
      ['--cycles', '10'],
      '--cycles expects an integer of at most 9, got "10".',
      '--cycles ожидает целое число не больше 9, получено «10».',
    ],
    [
      ['--mode', 'warp'],
      '--mode expects one of fast, slow, got "warp".',
      '--mode ожидает одно из значений fast, slow, получено «warp».',
    ],
    [
      ['--site', 'nope'],
      '--site expects a URL, got "nope".',
      '--site ожидает URL, получено «nope».',
    ],
    [
      ['--mode', 'fast', '--mode', 'slow'],
      '--mode was given more than once; give it once.',
      '--mode указан больше одного раза; укажите его один раз.',
    ],
    [['--cycles'], '--cycles expects a value.', '--cycles ожидает значение.'],
    [
      ['--dryrun'],
      'Unknown flag --dryrun. Did you mean --dry-run?',
      'Неизвестный флаг --dryrun. Возможно, имелся в виду --dry-run?',
    ],
    [['--zzzzzz'], 'Unknown flag --zzzzzz.', 'Неизвестный флаг --zzzzzz.'],
    [['--from', 'x'], '--from also needs --to.', '--from требует также --to.'],
    [
      ['--verbose', '--quiet'],
      '--verbose cannot be used together with --quiet.',
      '--verbose нельзя использовать вместе с --quiet.',
    ],
    [['c'], 'Expected one of a, b, got "c".', 'Ожидается одно из значений a, b, получено «c».'],
    [['a', 'b'], 'Unexpected argument: b.', 'Лишний аргумент: b.'],
    [
      ['--log-keep', 'x'],
      '--log-keep expects an integer, got "x".',
      '--log-keep ожидает целое число, получено «x».',
    ],
  ];

  it.each(cases)('%j', (args, en, ru) => {
    const human = run(['mistakes', ...args]);
    expect(human.status).toBe(64);
    expect(human.stdout).toBe('');
    expect(human.stderr).toBe(`Error: ${en}\nSee --help for usage.\n`);
    const russian = run(['mistakes', ...args, '--lang', 'ru']);
    expect(russian.status).toBe(64);
    expect(russian.stderr).toBe(`Ошибка: ${ru}\nСправка: --help.\n`);
    const json = run(['mistakes', ...args, '--json']);
    expect(json.status).toBe(64);
    expect(out(json.stdout).error).toMatchObject({
      code: 'USAGE',
      exitCode: 64,
      message: en,
    });
    // Nothing was written: the run stopped before its log file.
    expect(existsSync(join(human.cwd, '.logs'))).toBe(false);
  });

  it('never calls a usage mistake a bug', () => {
    const r = run(['mistakes', '--cycles', 'abc']);
    expect(r.stderr).not.toContain('This is a bug');
  });
});

describe('the entry: unknown commands, help, version', () => {
  it('answers an unknown command with 64 and the closest command, once', () => {
    const r = run(['mistake']);
    expect(r.status).toBe(64);
    expect(r.stderr).toBe(
      'Error: Unknown command "mistake". Did you mean "mistakes"?\nSee --help for usage.\n',
    );
    const ru = run(['mistake', '--lang', 'ru']);
    expect(ru.stderr).toContain(
      'Неизвестная команда «mistake». Возможно, имелась в виду «mistakes»?',
    );
    const json = run(['mistake', '--json']);
    expect(json.status).toBe(64);
    expect(out(json.stdout).error).toMatchObject({ code: 'USAGE', exitCode: 64 });
  });

  it('lists the commands when nothing is close', () => {
    const r = run(['qqqqqqqq']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain(
      'Unknown command "qqqqqqqq". The commands are: ask, config, fail, mistakes, ok, work.',
    );
  });

  it('runs `help [command]` as `[command] --help`', () => {
    const r = run(['help', 'ok']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Everything is fine.');
    const root = run(['help']);
    expect(root.status).toBe(0);
    expect(root.stdout).toContain('COMMANDS');
  });

  it('takes -v as --version', () => {
    const r = run(['-v']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kit-fixture\/1\.0\.0 /);
  });
});

describe('--dotenv (and its old name --env-file) started as a program', () => {
  it('reaches the tool however the bin is started, with our message and 78', () => {
    for (const flag of ['--dotenv', '--env-file']) {
      // The bin run as a program: its shebang is `node --`, so Node 20 leaves --env-file alone.
      const cwd = mkdtempSync(join(tmpdir(), 'kit-'));
      const r = spawnSync(bin, ['config', flag, 'missing.env'], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      expect(r.status).toBe(78);
      expect(r.stderr).toBe(
        'Error: cannot read missing.env: no such file. Check the --dotenv path.\n',
      );
    }
  });
});

describe('Ctrl-C on a real terminal: 130, `cancelled`, what was done, lock released', () => {
  const onTerminal = (args: string[], steps: PtyStep[]) => {
    const cwd = mkdtempSync(join(tmpdir(), 'kit-'));
    return runOnPty([bin, ...args], steps, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
    }).then((r) => ({ ...r, cwd }));
  };

  it('during work', async () => {
    const r = await onTerminal(['work', '--yes'], [{ waitFor: 'working', send: '\u0003' }]);
    expect(r.sawAll, r.output).toBe(true);
    expect(r.code, r.output).toBe(130);
    expect(r.output).toMatch(/^cancelled\. \d+ steps done; the rest were not started\.$/m);
    expect(r.output).not.toContain('This is a bug');
    expect(existsSync(join(r.cwd, 'work.lock'))).toBe(false);
  }, 60_000);

  it('at a prompt, in Russian with --lang ru', async () => {
    const r = await onTerminal(['work', '--lang', 'ru'], [{ waitFor: 'Start?', send: '\u0003' }]);
    expect(r.sawAll, r.output).toBe(true);
    expect(r.code, r.output).toBe(130);
    expect(stripVTControlCharacters(r.output)).toMatch(/^прервано$/m);
    expect(r.output).not.toContain('force closed');
    expect(existsSync(join(r.cwd, 'work.lock'))).toBe(false);
  }, 60_000);
});
