import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { migrate, openDatabase } from '../src/index.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true })));
});

it('keeps data and applied migrations when a data folder is reopened', async () => {
  const root = await mkdtemp(join(tmpdir(), 'db-reopen-'));
  roots.push(root);
  const dataDir = join(root, '.data', 'tool');
  const migrations = [{ id: '0001', sql: 'CREATE TABLE notes (id int PRIMARY KEY, body text)' }];

  const first = await openDatabase({ dataDir });
  expect(await migrate(first, migrations)).toEqual({ applied: ['0001'], skipped: [] });
  await first.copyFrom(
    'notes',
    ['id', 'body'],
    [
      [1, 'kept'],
      [2, ''],
    ],
  );
  await first.close();

  const second = await openDatabase({ dataDir });
  try {
    expect(await migrate(second, migrations)).toEqual({ applied: [], skipped: ['0001'] });
    const { rows } = await second.query('SELECT id, body FROM notes ORDER BY id');
    expect(rows).toEqual([
      { id: 1, body: 'kept' },
      { id: 2, body: '' },
    ]);
  } finally {
    await second.close();
  }
}, 120_000);
