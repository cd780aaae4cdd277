import { readdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
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

describe('the everyday mistakes of job-runner', () => {
  walk([
    [
      ['rerun', 'abc'],
      64,
      'RUN expects an integer, got "abc".',
      'RUN ожидает целое число, получено «abc».',
    ],
    [
      ['serve', '--port', 'abc'],
      64,
      'Error: --port expects an integer, got "abc".\nSee --help for usage.\n',
      'Ошибка: --port ожидает целое число, получено «abc».',
    ],
    [['sevre'], 64, 'Unknown command "sevre". Did you mean "serve"?', '«serve»'],
    [
      ['runs', '--limit', '5', '--limit', '6'],
      64,
      '--limit was given more than once; give it once.',
      '--limit указан больше одного раза',
    ],
  ]);
});

describe('a port already in use', () => {
  it('is UNAVAILABLE (69) naming the address and the fix, not a bug', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const [lang, text] of [
        [
          'en',
          `Error: 127.0.0.1:${port} is already in use: stop what listens there or pass another --port.\n`,
        ],
        ['ru', `Ошибка: адрес 127.0.0.1:${port} уже занят`],
      ] as const) {
        const r = inEmptyDir(['serve', '--port', String(port), '--lang', lang]);
        expect(r.status, r.stderr).toBe(69);
        expect(r.stderr).toContain(text);
        expect(r.stderr).not.toContain('This is a bug');
      }
    } finally {
      server.close();
    }
  });
});
