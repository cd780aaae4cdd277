import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('the everyday mistakes of connector-template', () => {
  walk([
    [['jobs', 'ad'], 64, 'Unknown command "jobs ad". Did you mean "jobs add"?', '«jobs add»'],
    [
      ['run', '--job', 'abc'],
      64,
      'Error: --job expects an integer, got "abc".\nSee --help for usage.\n',
      'Ошибка: --job ожидает целое число, получено «abc».',
    ],
    [
      ['run'],
      64,
      'Which job? Pass --job N (see `connector-template jobs list`) or set JOB_ID.',
      'Какое задание? Передайте --job N',
    ],
    [
      ['history', '--job', '99'],
      78,
      'There is no job 99: see `connector-template jobs list`.',
      'Задания 99 нет',
    ],
    [['jobs', 'show', '99'], 78, 'There is no job 99', 'Задания 99 нет'],
    [['jobs', 'remove', '99', '--yes'], 78, 'There is no job 99', 'Задания 99 нет'],
    [
      ['jobs', 'add', '--file', 'nope.json'],
      64,
      'Error: cannot read nope.json: no such file.\n',
      'не удалось прочитать nope.json: нет такого файла.',
    ],
  ]);

  it('lists every problem of an invalid job file in human output, not only with --json', () => {
    const dir = makeTempDir('mistakes');
    dirs.push(dir);
    writeFileSync(join(dir.path, 'inv.json'), '{"name": 1}');
    const r = runBin(bin, ['jobs', 'add', '--file', 'inv.json'], {
      cwd: dir.path,
      env: { MASTER_HASH: 'x' },
    });
    expect(r.status).toBe(65);
    expect(r.stderr).toContain(
      'The job file inv.json is invalid.\n  - name must be a non-empty string.',
    );
    expect(r.stderr).toContain('  - mapping must be a list of {column, mapped}.');
    const notJson = join(dir.path, 'text.json');
    writeFileSync(notJson, 'not json');
    const bad = runBin(bin, ['jobs', 'add', '--file', 'text.json', '--json'], { cwd: dir.path });
    expect(bad.status).toBe(65);
    const error = JSON.parse(bad.stdout).error;
    expect(error.message).toBe(
      'The job file text.json is not JSON: check its brackets, commas and quotes.',
    );
    // The parser's own words are kept for machines and the log.
    expect(error.cause).toMatch(/JSON/);
    expect(
      readdirSync(dir.path)
        .filter((n) => n !== '.logs')
        .sort(),
    ).toEqual(['inv.json', 'text.json']);
  });
});
