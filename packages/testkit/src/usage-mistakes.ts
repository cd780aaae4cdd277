import { readdirSync } from 'node:fs';
import { appBin, mistakeArgv, runBin, typedFlagMistakes } from './cli-mistakes.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

/** The few matchers these walks use (vitest's `expect(...)` fits). */
export interface MistakeAssertion {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toContain(expected: string): void;
  toMatch(expected: RegExp | string): void;
  toMatchObject(expected: object): void;
  not: MistakeAssertion;
}

/**
 * The parts of vitest the walks register tests with. Passed in by the test file
 * (`import * as vitest from 'vitest'`) so the tests land in the app's own vitest run.
 */
export interface MistakeVitest {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => void) => void;
  expect: (actual: unknown, message?: string) => MistakeAssertion;
  afterAll: (body: () => Promise<void>) => void;
}

/** [argv, exit code, English message, Russian message]: one mistake of an issue. */
export type UsageMistake = readonly [string[], number, string, string];

/** What one run in a fresh empty folder showed; `written` is what it left there. */
export interface EmptyDirRun {
  status: number | null;
  stdout: string;
  stderr: string;
  written: string[];
}

export interface UsageMistakes {
  /** The app's bin (`<app>/bin/run.js`). */
  bin: string;
  /** A fresh folder, removed after the file's tests. */
  tempDir(): TempDir;
  /** Runs the CLI in a fresh empty folder. The run's own `.logs` folder is not an output. */
  inEmptyDir(args: string[], env?: Record<string, string>): EmptyDirRun;
  /**
   * One test per typed flag and argument of every command: a refused value exits 64 with an
   * English `Error:` naming the flag, no bug text, and in Russian with --json a USAGE error in
   * Russian; nothing written either time. `expectFlag` must be among the flags found.
   */
  describeTypedFlagMistakes(expectFlag?: string): Promise<void>;
  /**
   * One test per mistake: the exit code and the English text, no bug text and nothing written;
   * with --lang ru the same code and the Russian text; with --json the code in the error and
   * nothing written.
   */
  walkMistakes(mistakes: readonly UsageMistake[], env?: Record<string, string>): void;
}

/**
 * The usage-mistake walks of the app whose test file is `testFileUrl`:
 * `const kit = usageMistakes(import.meta.url, vitest)`.
 */
export function usageMistakes(testFileUrl: string, vitest: MistakeVitest): UsageMistakes {
  const { describe, it, expect, afterAll } = vitest;
  const bin = appBin(testFileUrl);
  const dirs: TempDir[] = [];
  afterAll(async () => {
    for (const dir of dirs) await dir.cleanup();
  });

  function tempDir(): TempDir {
    const dir = makeTempDir('mistakes');
    dirs.push(dir);
    return dir;
  }

  function inEmptyDir(args: string[], env: Record<string, string> = {}): EmptyDirRun {
    const dir = tempDir();
    const r = runBin(bin, args, { cwd: dir.path, env });
    return { ...r, written: readdirSync(dir.path).filter((name) => name !== '.logs') };
  }

  async function describeTypedFlagMistakes(expectFlag = 'log-keep'): Promise<void> {
    const typed = await typedFlagMistakes(bin);
    describe('every typed flag and argument of every command refuses a bad value with USAGE 64', () => {
      it('finds the typed flags', () => {
        expect(typed.map((m) => m.flag ?? m.arg)).toContain(expectFlag);
      });

      for (const m of typed) {
        it(mistakeArgv(m).join(' '), () => {
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
          const { error } = JSON.parse(ru.stdout) as { error: { message: string } };
          expect(error).toMatchObject({ code: 'USAGE', exitCode: 64 });
          expect(error.message).toMatch(/[а-яё]/i);
          expect(ru.written).toEqual([]);
        });
      }
    });
  }

  function walkMistakes(mistakes: readonly UsageMistake[], env: Record<string, string> = {}): void {
    for (const [args, code, en, ru] of mistakes) {
      it(args.join(' '), () => {
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
        expect((JSON.parse(json.stdout) as { error: { exitCode: number } }).error.exitCode).toBe(
          code,
        );
        expect(json.written).toEqual([]);
      });
    }
  }

  return { bin, tempDir, inEmptyDir, describeTypedFlagMistakes, walkMistakes };
}
