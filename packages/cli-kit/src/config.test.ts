import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolbeltError } from '@toolbelt/errors';
import { parseConfig, validateConfig } from './config.js';
import { loadEnv } from './env.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const schema = z.object({
  A: z.string(),
  B: z.coerce.number().int(),
  C: z.enum(['x', 'y']).default('x'),
});

describe('validateConfig', () => {
  it('returns frozen typed config', () => {
    const r = validateConfig(schema, { A: 'a', B: '2' });
    expect(r).toEqual({ ok: true, config: { A: 'a', B: 2, C: 'x' } });
    if (r.ok) expect(Object.isFrozen(r.config)).toBe(true);
  });

  it('reports every problem at once', () => {
    const r = validateConfig(schema, { B: 'two', C: 'z' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(3);
      expect(r.problems[0]).toBe('A: required but not set');
    }
  });

  it('throws CONFIG (78) listing the problems', () => {
    try {
      parseConfig(schema, {});
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ToolbeltError);
      expect((err as ToolbeltError).exitCode).toBe(78);
      expect((err as ToolbeltError).problems).toEqual([
        'A: required but not set',
        'B: required but not set',
      ]);
    }
  });
});

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
  });
});
