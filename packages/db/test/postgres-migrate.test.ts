import { beforeAll, expect, it } from 'vitest';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { migrate, openDatabase, type Migration } from '../src/index.js';

let url: string;
beforeAll(async () => {
  url = await testDatabaseUrl();
});

it('serializes concurrent runners: every migration applies exactly once', async () => {
  const migrations: Migration[] = [
    { id: '0001', sql: 'CREATE TABLE runs (runner text)' },
    // pg_sleep widens the window in which a second runner could slip in without the lock.
    { id: '0002', sql: "INSERT INTO runs VALUES ('0002'); SELECT pg_sleep(0.2)" },
    { id: '0003', sql: "INSERT INTO runs VALUES ('0003')" },
  ];
  const dbs = await Promise.all([1, 2, 3].map(() => openDatabase({ url })));
  try {
    const results = await Promise.all(dbs.map((db) => migrate(db, migrations)));
    const applied = results.flatMap((r) => r.applied).sort();
    expect(applied).toEqual(['0001', '0002', '0003']);
    for (const result of results) {
      expect([...result.applied, ...result.skipped].sort()).toEqual(['0001', '0002', '0003']);
    }
    const { rows } = await dbs[0]!.query('SELECT runner FROM runs ORDER BY runner');
    expect(rows).toEqual([{ runner: '0002' }, { runner: '0003' }]);
  } finally {
    await Promise.all(dbs.map((db) => db.close()));
  }
});
