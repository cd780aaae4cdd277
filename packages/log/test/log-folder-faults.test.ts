import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, logFileName } from '../src/index.js';
import { fullDir, readOnlyDir } from '@toolbelt/testkit/fs-faults';

// A ToolbeltError, seen as data (this package does not depend on @toolbelt/errors itself).
function isToolbeltError(e: unknown): e is { exitCode: number; message: string } {
  return e instanceof Error && e.name === 'ToolbeltError';
}

const startedAt = new Date(2026, 0, 2, 3, 4);
const name = logFileName(startedAt);

describe('a log folder that cannot be written', () => {
  it('read-only: IOERR (74) naming the log file, at once', () => {
    const dir = readOnlyDir();
    try {
      const error = (() => {
        try {
          createLogger({
            name: 't',
            dir: join(dir.path, 'logs'),
            startedAt,
            console: { write: () => true },
          });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isToolbeltError(error) && error.exitCode).toBe(74);
      expect(isToolbeltError(error) && error.message).toBe(
        `cannot write ${join(dir.path, 'logs', name)}: read-only file system`,
      );
    } finally {
      dir.cleanup();
    }
  });

  it('full: the first line that does not fit is IOERR; later lines go to the console only', () => {
    const dir = fullDir(16 * 1024, { filler: Buffer.alloc(16 * 1024 - 1, 1) });
    const console: string[] = [];
    try {
      const logger = createLogger({
        name: 't',
        dir: dir.path,
        startedAt,
        console: { write: (s: string) => console.push(s) },
      });
      const big = 'x'.repeat(8192);
      let error: unknown;
      try {
        logger.info(big);
      } catch (e) {
        error = e;
      }
      expect(isToolbeltError(error) && error.message).toBe(
        `cannot write ${join(dir.path, name)}: no space left on device`,
      );
      logger.error('after');
      expect(console).toEqual([`${big}\n`, 'error: after\n']);
      logger.close();
      expect(readdirSync(dir.path).sort()).toEqual([name, 'filler'].sort());
    } finally {
      dir.cleanup();
    }
  });
});
