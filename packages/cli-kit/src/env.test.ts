import type { ToolbeltError } from '@toolbelt/errors';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('loadEnv', () => {
  it('merges .env under the process environment', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(cwd, '.env'), 'A=file\nB=file\n# comment\nQUOTED="two words"\n');
    const { env, fromFile } = loadEnv({ cwd, processEnv: { B: 'process' } });
    expect(env.A).toBe('file');
    expect(env.B).toBe('process');
    expect(env.QUOTED).toBe('two words');
    expect(fromFile).toEqual(['A', 'B', 'QUOTED']);
  });

  it('works without a .env file and rejects a missing explicit one', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'env-'));
    expect(loadEnv({ cwd, processEnv: { X: '1' } }).env).toEqual({ X: '1' });
    expect(() => loadEnv({ cwd, envFile: 'nope.env', processEnv: {} })).toThrow(
      /cannot read nope.env: no such file/,
    );
    try {
      loadEnv({ cwd, envFile: 'nope.env', processEnv: {} });
    } catch (error) {
      expect((error as ToolbeltError).exitCode).toBe(78);
      expect((error as ToolbeltError).localized('ru').message).toBe(
        'не удалось прочитать nope.env: нет такого файла. Проверьте путь в --dotenv.',
      );
    }
    expect.assertions(4);
  });
});
