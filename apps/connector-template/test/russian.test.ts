import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';

// The errors of the packages the tool is built on, as a Russian user sees them: no app
// registers their catalogs, each error carries its own texts.
const bin = appBin(import.meta.url);
const dir = makeTempDir('connector-ru');
afterAll(() => dir.cleanup());

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(bin, [...args, '--lang', 'ru', '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env,
  });

describe('package errors in Russian through the real CLI (--lang ru)', () => {
  it('connector: the start-up error of a missing variable and the problems of a job file', async () => {
    const run = await cli(['run', '--job', '1']);
    expect(run.status).toBe(78);
    expect(run.stderr).toBe(
      "Ошибка: Невозможно запустить задание. Не задана переменная окружения: 'MASTER_HASH'\n",
    );
    writeFileSync(join(dir.path, 'bad.json'), '{"name": ""}');
    const add = await cli(['jobs', 'add', '--file', 'bad.json'], { MASTER_HASH: 'x' });
    expect(add.status).toBe(65);
    expect(add.stderr).toContain('Файл задания bad.json содержит ошибки.');
    expect(add.stderr).toContain('  - name должен быть непустой строкой.');
    expect(add.stderr).toContain('  - source должен быть объектом с полями connector и object.');
    expect(add.stderr).not.toMatch(/must be/);
  });

  it('connector: an error raised inside a stage (a CSV file that is not there)', async () => {
    const env = { DATABASE_URL: await testDatabaseUrl(), MASTER_HASH: 'x' };
    const job = {
      name: 'Missing CSV',
      source: { connector: 'csv', object: 'nope.csv' },
      destination: { connector: 'csv', object: 'out.csv' },
      mapping: [{ column: 'id', mapped: 'id' }],
    };
    writeFileSync(join(dir.path, 'job.json'), JSON.stringify(job));
    const added = await cli(['jobs', 'add', '--file', 'job.json', '--json'], env);
    const { id } = JSON.parse(added.stdout) as { id: number };
    const run = await cli(['run', '--job', String(id)], env);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(`CSV-файл не найден: ${join(dir.path, 'nope.csv')}`);
  });

  it('db: a DATABASE_URL that is not a URL, with its hint', async () => {
    const list = await cli(['jobs', 'list'], { DATABASE_URL: 'not a url' });
    expect(list.status).toBe(78);
    expect(list.stderr).toContain('DATABASE_URL не является правильным URL');
    // (The placeholder password of the hint is masked as any URL password is.)
    expect(list.stderr).toContain('Используйте postgres://пользователь:***@хост:5432/база');
    // --json keeps the message in the user's language, the key and code for machines.
    const json = await cli(['jobs', 'list', '--json'], { DATABASE_URL: 'not a url' });
    const { error } = JSON.parse(json.stdout) as { error: { code: string; message: string } };
    expect(error).toMatchObject({
      code: 'CONFIG',
      message: 'DATABASE_URL не является правильным URL',
    });
  });
});
