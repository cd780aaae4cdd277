import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vitest from 'vitest';
import { describe, expect, it } from 'vitest';
import { runBin } from '@toolbelt/testkit/cli-mistakes';
import { usageMistakes } from '@toolbelt/testkit/usage-mistakes';

const kit = usageMistakes(import.meta.url, vitest);

await kit.describeTypedFlagMistakes('log-keep');

describe('the everyday mistakes of connector-template', () => {
  kit.walkMistakes([
    [['jobs', 'ad'], 64, 'Unknown command "jobs ad". Did you mean "jobs add"?', '«jobs add»'],
    [
      ['run', '--job', 'abc'],
      64,
      'Error: --job expects an integer, got "abc".\nSee --help for usage.\n',
      'Ошибка: --job ожидает целое число, получено «abc».',
    ],
    [
      ['run'],
      64,
      'Which job? Pass --job N (see `connector-template jobs list`) or set JOB_ID.',
      'Какое задание? Передайте --job N',
    ],
    [
      ['history', '--job', '99'],
      78,
      'There is no job 99: see `connector-template jobs list`.',
      'Задания 99 нет',
    ],
    [['jobs', 'show', '99'], 78, 'There is no job 99', 'Задания 99 нет'],
    [['jobs', 'remove', '99', '--yes'], 78, 'There is no job 99', 'Задания 99 нет'],
    [
      ['jobs', 'add', '--file', 'nope.json'],
      64,
      'Error: cannot read nope.json: no such file.\n',
      'не удалось прочитать nope.json: нет такого файла.',
    ],
  ]);

  it('lists every problem of an invalid job file in human output, not only with --json', () => {
    const dir = kit.tempDir();
    writeFileSync(join(dir.path, 'inv.json'), '{"name": 1}');
    const r = runBin(kit.bin, ['jobs', 'add', '--file', 'inv.json'], {
      cwd: dir.path,
      env: { MASTER_HASH: 'x' },
    });
    expect(r.status).toBe(65);
    expect(r.stderr).toContain(
      'The job file inv.json is invalid.\n  - name must be a non-empty string.',
    );
    expect(r.stderr).toContain('  - mapping must be a list of {column, mapped}.');
    const notJson = join(dir.path, 'text.json');
    writeFileSync(notJson, 'not json');
    const bad = runBin(kit.bin, ['jobs', 'add', '--file', 'text.json', '--json'], {
      cwd: dir.path,
    });
    expect(bad.status).toBe(65);
    const { error } = JSON.parse(bad.stdout) as { error: { message: string; cause: string } };
    expect(error.message).toBe(
      'The job file text.json is not JSON: check its brackets, commas and quotes.',
    );
    // The parser's own words are kept for machines and the log.
    expect(error.cause).toMatch(/JSON/);
    expect(
      readdirSync(dir.path)
        .filter((n) => n !== '.logs')
        .sort(),
    ).toEqual(['inv.json', 'text.json']);
  });
});
