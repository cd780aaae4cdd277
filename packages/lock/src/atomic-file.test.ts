import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { writeFileAtomic } from './atomic-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file', async () => {
    const path = join(dir, 'sub', 'rota.ics');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, async (temp) => writeFile(temp, 'two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['rota.ics']);
  });

  it('a failing writer leaves the old file and no temp file', async () => {
    const path = join(dir, 't.xlsx');
    writeFileSync(path, 'old');
    const boom = new Error('boom');
    const error = await writeFileAtomic(path, async (temp) => {
      await writeFile(temp, 'half');
      throw boom;
    }).catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['t.xlsx']);
  });

  it('a path under a file is IOERR naming the path', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    const error = await writeFileAtomic(join(dir, 'file', 'out.ics'), 'x').catch((e: unknown) => e);
    expect(isToolbeltError(error) && error.code).toBe('IOERR');
    expect(isToolbeltError(error) && error.message).toBe(
      `cannot write ${join(dir, 'file', 'out.ics')}: a file of that name is in the way`,
    );
  });
});
