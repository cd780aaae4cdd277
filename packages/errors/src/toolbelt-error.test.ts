import { describe, expect, it } from 'vitest';
import { ToolbeltError, exitCodes, isToolbeltError, toToolbeltError } from './index.js';

describe('ToolbeltError', () => {
  it('maps every code to the exit status of DESIGN.md', () => {
    expect(exitCodes).toEqual({
      OK: 0,
      PARTIAL: 1,
      USAGE: 64,
      DATA: 65,
      UNAVAILABLE: 69,
      INTERNAL: 70,
      IOERR: 74,
      TEMPFAIL: 75,
      AUTH: 77,
      CONFIG: 78,
      CANCELLED: 130,
    });
    expect(new ToolbeltError('CONFIG', 'x').exitCode).toBe(78);
    expect(new ToolbeltError('AUTH', 'x').exitCode).toBe(77);
  });

  it('serialises without cause or stack', () => {
    const err = new ToolbeltError('DATA', 'bad sheet', {
      cause: new Error('secret detail'),
      hint: 'fix it',
      problems: ['a', 'b'],
    });
    const json: unknown = JSON.parse(JSON.stringify(err));
    expect(json).toEqual({
      code: 'DATA',
      exitCode: 65,
      message: 'bad sheet',
      hint: 'fix it',
      problems: ['a', 'b'],
    });
    expect(JSON.stringify(err)).not.toContain('secret detail');
  });

  it('wraps unknown errors as INTERNAL and keeps ToolbeltErrors', () => {
    const original = new TypeError('boom');
    const wrapped = toToolbeltError(original);
    expect(wrapped.code).toBe('INTERNAL');
    expect(wrapped.cause).toBe(original);
    const own = new ToolbeltError('USAGE', 'u');
    expect(toToolbeltError(own)).toBe(own);
    expect(isToolbeltError(own)).toBe(true);
    expect(isToolbeltError(original)).toBe(false);
  });
});
