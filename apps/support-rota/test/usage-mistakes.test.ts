import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appBin,
  mistakeArgv,
  runBin,
  typedFlagMistakes,
  type FlagMistake,
} from '@toolbelt/testkit/cli-mistakes';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';

const bin = appBin(import.meta.url);
const dirs: TempDir[] = [];
afterAll(async () => {
  for (const dir of dirs) await dir.cleanup();
});

/** Runs the CLI in a fresh empty folder; `written` lists what the run left in it. */
function inEmptyDir(args: string[], env: Record<string, string> = {}) {
  const dir = makeTempDir('mistakes');
  dirs.push(dir);
  const r = runBin(bin, args, { cwd: dir.path, env });
  // The run's own log folder is its record, not an output.
  return { ...r, written: readdirSync(dir.path).filter((name) => name !== '.logs') };
}

const typed: FlagMistake[] = await typedFlagMistakes(bin);

describe('every typed flag and argument of every command refuses a bad value with USAGE 64', () => {
  it('finds the typed flags', () => {
    expect(typed.map((m) => m.flag ?? m.arg)).toContain('log-keep');
  });

  it.each(typed.map((m) => [mistakeArgv(m).join(' '), m] as const))('%s', (_, m) => {
    const en = inEmptyDir(mistakeArgv(m));
    expect(en.status, en.stderr).toBe(64);
    const named = m.flag ? `--${m.flag}` : m.value;
    expect(en.stderr).toMatch(
      new RegExp(`^Error: .*${named.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
    );
    expect(en.stderr).not.toContain('This is a bug');
    expect(en.written).toEqual([]);
    const ru = inEmptyDir([...mistakeArgv(m), '--json'], { TOOLBELT_LANG: 'ru' });
    expect(ru.status).toBe(64);
    const error = JSON.parse(ru.stdout).error;
    expect(error).toMatchObject({ code: 'USAGE', exitCode: 64 });
    expect(error.message).toMatch(/[а-яё]/i);
    expect(ru.written).toEqual([]);
  });
});

/** [argv, exit code, English message, Russian message]: the mistakes of the issue, one per row. */
type Mistake = readonly [string[], number, string, string];

function walk(mistakes: readonly Mistake[], env: Record<string, string> = {}) {
  it.each(mistakes.map((m) => [m[0].join(' '), ...m] as const))('%s', (_, args, code, en, ru) => {
    const human = inEmptyDir(args, env);
    expect(human.status, human.stderr).toBe(code);
    expect(human.stderr).toContain(en);
    expect(human.stderr).not.toContain('This is a bug');
    expect(human.written).toEqual([]);
    const russian = inEmptyDir([...args, '--lang', 'ru'], env);
    expect(russian.status).toBe(code);
    expect(russian.stderr).toContain(ru);
    const json = inEmptyDir([...args, '--json'], env);
    expect(json.status).toBe(code);
    expect(JSON.parse(json.stdout).error.exitCode).toBe(code);
    expect(json.written).toEqual([]);
  });
}

describe('the everyday mistakes of support-rota', () => {
  walk([
    [['generte'], 64, 'Unknown command "generte". Did you mean "generate"?', '«generate»'],
    [
      ['generate', '--dryrun'],
      64,
      'Unknown flag --dryrun. Did you mean --dry-run?',
      'Неизвестный флаг --dryrun. Возможно, имелся в виду --dry-run?',
    ],
    [
      ['generate', '--cycles', 'abc'],
      64,
      'Error: --cycles expects an integer, got "abc".\nSee --help for usage.\n',
      'Ошибка: --cycles ожидает целое число, получено «abc».',
    ],
    [
      ['generate', '--cycles', '2', '--cycles', '3'],
      64,
      '--cycles was given more than once; give it once.',
      '--cycles указан больше одного раза',
    ],
    [
      ['generate', '--config', 'nope.yaml'],
      78,
      'Error: cannot read nope.yaml: no such file.\n',
      'Ошибка: не удалось прочитать nope.yaml: нет такого файла.',
    ],
    [
      ['generate', '--env-file', 'missing.env'],
      78,
      'cannot read missing.env: no such file. Check the --dotenv path.',
      'не удалось прочитать missing.env: нет такого файла.',
    ],
  ]);

  it('answers `help generate` and `-v`', () => {
    expect(inEmptyDir(['help', 'generate']).stdout).toContain('--replace-all');
    expect(inEmptyDir(['-v']).stdout).toMatch(/^@toolbelt\/support-rota\//);
  });
});

describe('an unreadable holidays file follows the rule of every input file', () => {
  const rota = fileURLToPath(new URL('../../../examples/support-rota/rota.yaml', import.meta.url));
  /** A folder with the example rota (writing an .ics) and nothing else. */
  function withRota(config = readFileSync(rota, 'utf8')) {
    const dir = makeTempDir('mistakes');
    dirs.push(dir);
    writeFileSync(join(dir.path, 'rota.yaml'), config);
    return dir.path;
  }
  const written = (cwd: string) => readdirSync(cwd).filter((n) => n !== '.logs');

  it('--holidays nope.json: USAGE 64, as --mot and --source-file, en and ru, nothing written', () => {
    const cwd = withRota();
    const args = ['generate', '--config', 'rota.yaml', '--holidays', 'nope.json'];
    const en = runBin(bin, args, { cwd });
    expect(en.status, en.stderr).toBe(64);
    expect(en.stderr).toBe('Error: cannot read nope.json: no such file.\nSee --help for usage.\n');
    const ru = runBin(bin, [...args, '--lang', 'ru'], { cwd });
    expect(ru.status).toBe(64);
    expect(ru.stderr).toContain('Ошибка: не удалось прочитать nope.json: нет такого файла.\n');
    const json = runBin(bin, [...args, '--json'], { cwd });
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'USAGE', exitCode: 64 });
    expect(written(cwd)).toEqual(['rota.yaml']);
  });

  it('holidays: in the config file: CONFIG 78 (a settings file), the path resolved', () => {
    const cwd = withRota(
      readFileSync(rota, 'utf8').replace(/^holidays:.*$/m, 'holidays: nope.json'),
    );
    expect(readFileSync(join(cwd, 'rota.yaml'), 'utf8')).toMatch(/^holidays: nope.json$/m);
    const en = runBin(bin, ['generate', '--config', 'rota.yaml'], { cwd });
    expect(en.status, en.stderr).toBe(78);
    expect(en.stderr).toContain(`Error: cannot read ${join(cwd, 'nope.json')}: no such file.\n`);
    const ru = runBin(bin, ['generate', '--config', 'rota.yaml', '--lang', 'ru'], { cwd });
    expect(ru.status).toBe(78);
    expect(ru.stderr).toContain('нет такого файла');
    expect(written(cwd)).toEqual(['rota.yaml']);
  });
});
