import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_FILE_PATTERN, logFileName, planLogRotation, rotateLogs } from './rotation.js';

describe('log file names', () => {
  it('uses %Y-%m-%d_%H-%M.log in local time', () => {
    expect(logFileName(new Date(2024, 9, 2, 9, 5, 59))).toBe('2024-10-02_09-05.log');
    expect(LOG_FILE_PATTERN.test('2024-10-02_09-05.log')).toBe(true);
    expect(LOG_FILE_PATTERN.test('notes.log')).toBe(false);
    expect(LOG_FILE_PATTERN.test('2024-10-02_09-05.log.bak')).toBe(false);
  });
});

describe('planLogRotation', () => {
  const files = [
    '2024-01-01_10-00.log',
    '2024-01-02_10-00.log',
    '2024-01-03_10-00.log',
    '2024-01-04_10-00.log',
    'keep-me.txt',
    'other.log',
  ];

  it('keeps keep-1 old files when the new name is new (the new file makes keep)', () => {
    expect(planLogRotation(files, '2024-01-05_10-00.log', 3).sort()).toEqual([
      '2024-01-01_10-00.log',
      '2024-01-02_10-00.log',
    ]);
  });

  it('keeps keep files when the new name is already among them', () => {
    expect(planLogRotation(files, '2024-01-04_10-00.log', 3)).toEqual(['2024-01-01_10-00.log']);
  });

  it('never chooses files that do not match the pattern', () => {
    const doomed = planLogRotation(files, '2024-01-05_10-00.log', 1);
    expect(doomed).not.toContain('keep-me.txt');
    expect(doomed).not.toContain('other.log');
    expect(doomed).toHaveLength(4);
  });
});

describe('rotateLogs on disk', () => {
  it('leaves exactly N matching files after a run and every foreign file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logs-'));
    for (let day = 1; day <= 6; day++) writeFileSync(join(dir, `2024-01-0${day}_10-00.log`), 'x');
    writeFileSync(join(dir, 'README.txt'), 'foreign');
    writeFileSync(join(dir, '2024-01-01.log'), 'foreign too');
    const newName = '2024-02-01_08-30.log';
    rotateLogs(dir, newName, 4);
    writeFileSync(join(dir, newName), 'new');
    const left = readdirSync(dir).sort();
    expect(left.filter((n) => LOG_FILE_PATTERN.test(n))).toEqual([
      '2024-01-04_10-00.log',
      '2024-01-05_10-00.log',
      '2024-01-06_10-00.log',
      newName,
    ]);
    expect(left).toContain('README.txt');
    expect(left).toContain('2024-01-01.log');
  });
});
