import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine } from './logger.js';

function sink() {
  const chunks: string[] = [];
  return { write: (c: string) => chunks.push(c), text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('writes the original line format to the run file and human lines to the console', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logger-'));
    const out = sink();
    const t = new Date(2024, 9, 2, 9, 5, 7);
    const logger = createLogger({
      name: 'learning-etl',
      dir,
      console: out,
      startedAt: t,
      now: () => t,
      color: false,
    });
    logger.info('total number of lines read: 3');
    logger.warn('careful');
    logger.debug('only in file');
    logger.close();
    const file = readFileSync(join(dir, '2024-10-02_09-05.log'), 'utf8');
    expect(file).toBe(
      '[learning-etl] [2024-10-02 09:05:07] [INFO] > total number of lines read: 3\n' +
        '[learning-etl] [2024-10-02 09:05:07] [WARN] > careful\n' +
        '[learning-etl] [2024-10-02 09:05:07] [DEBUG] > only in file\n',
    );
    expect(out.text()).toBe('total number of lines read: 3\nwarn: careful\n');
  });

  it('redacts secrets in console, file and structured data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logger-'));
    const out = sink();
    const logger = createLogger({
      name: 'x',
      dir,
      console: out,
      secrets: ['hunter2-secret'],
      color: false,
    });
    logger.info('connecting with hunter2-secret', {
      password: 'p@ss',
      user: 'ann',
      url: 'postgres://ann:pw1234@host/db',
    });
    logger.redactor.add('late-token-value');
    logger.error('token late-token-value refused');
    logger.close();
    const file = readFileSync(logger.file!, 'utf8');
    for (const text of [file, out.text()]) {
      expect(text).not.toContain('hunter2-secret');
      expect(text).not.toContain('p@ss');
      expect(text).not.toContain('pw1234');
      expect(text).not.toContain('late-token-value');
      expect(text).toContain('"user":"ann"');
      expect(text).toContain('***');
    }
  });

  it('rotates to keep N files and never touches foreign files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logger-'));
    for (let i = 1; i <= 5; i++) writeFileSync(join(dir, `2020-01-0${i}_00-00.log`), '');
    writeFileSync(join(dir, 'mine.txt'), 'x');
    const logger = createLogger({
      name: 'x',
      dir,
      keep: 3,
      console: sink(),
      startedAt: new Date(2021, 0, 1, 0, 0),
    });
    logger.close();
    expect(readdirSync(dir).sort()).toEqual([
      '2020-01-04_00-00.log',
      '2020-01-05_00-00.log',
      '2021-01-01_00-00.log',
      'mine.txt',
    ]);
  });

  it('formats one line', () => {
    expect(formatLogLine('a', new Date(2023, 4, 31, 23, 59, 1), 'error', 'm')).toBe(
      '[a] [2023-05-31 23:59:01] [ERROR] > m',
    );
  });
});
