import { describe, expect, it } from 'vitest';
import { suggest, toUsageError, usageProblems } from './usage-errors.js';
import { inputFileError } from './input-file.js';
import { normalizeEntryArgv, unknownCommand } from './entry.js';

describe('suggest', () => {
  it('finds the flag behind a missing hyphen or a typo', () => {
    const flags = ['--dry-run', '--json', '--school-year', '--mot'];
    expect(suggest('--dryrun', flags)).toBe('--dry-run');
    expect(suggest('--school_year', flags)).toBe('--school-year');
    expect(suggest('--jsn', flags)).toBe('--json');
    expect(suggest('sevre', ['serve', 'run', 'runs'])).toBe('serve');
  });

  it('suggests nothing when nothing is close', () => {
    expect(suggest('--zzzzzz', ['--dry-run', '--json'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
});

describe('entry argv', () => {
  it('reads -v as --version and help [command] as [command] --help', () => {
    expect(normalizeEntryArgv(['-v'])).toEqual(['--version']);
    expect(normalizeEntryArgv(['help'])).toEqual(['--help']);
    expect(normalizeEntryArgv(['help', 'jobs', 'add'])).toEqual(['jobs', 'add', '--help']);
    expect(normalizeEntryArgv(['sync', '-v'])).toEqual(['sync', '-v']);
  });

  it('tells an unknown command from a command or a topic', () => {
    const map = { commands: ['sync', 'jobs add', 'jobs list'], topics: ['jobs'] };
    expect(unknownCommand(['sync', '--dry-run'], map)).toBeUndefined();
    expect(unknownCommand(['jobs'], map)).toBeUndefined();
    expect(unknownCommand(['jobs', 'add', 'file.json'], map)).toBeUndefined();
    expect(unknownCommand(['--version'], map)).toBeUndefined();
    expect(unknownCommand(['snc'], map)).toBe('snc');
    expect(unknownCommand(['jobs', 'ad'], map)).toBe('jobs ad');
  });
});

describe('inputFileError', () => {
  it('names the file and the reason, as USAGE unless told otherwise', () => {
    const missing = inputFileError('nope.xlsx', Object.assign(new Error('x'), { code: 'ENOENT' }));
    expect(missing.message).toBe('cannot read nope.xlsx: no such file.');
    expect(missing.code).toBe('USAGE');
    expect(missing.params).toEqual({ path: 'nope.xlsx', reason: 'ENOENT' });
    const config = inputFileError('c.yaml', new Error('?'), { code: 'CONFIG' });
    expect(config.exitCode).toBe(78);
    expect(config.message).toBe('cannot read c.yaml: the file cannot be opened.');
  });
});

describe('usageProblems', () => {
  it('folds several flag problems into one USAGE list, in every language', () => {
    const one = toUsageError(new Error('Flag --mode can only be specified once'));
    const two = inputFileError('nope.xlsx', Object.assign(new Error('x'), { code: 'ENOENT' }));
    expect(usageProblems([one])).toBe(one);
    expect(usageProblems([])).toBeUndefined();
    const both = usageProblems([one, two]);
    expect(both?.exitCode).toBe(64);
    expect(both?.localized('ru')).toEqual({
      message: 'Проблемы с флагами (2):',
      hint: undefined,
      problems: [
        '--mode указан больше одного раза; укажите его один раз.',
        'не удалось прочитать nope.xlsx: нет такого файла.',
      ],
    });
    expect(both?.problems).toEqual([
      '--mode was given more than once; give it once.',
      'cannot read nope.xlsx: no such file.',
    ]);
  });
});
