import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { openDatabase } from '../src/index.js';
import { databaseContract } from './contract.js';

databaseContract('PostgreSQL (pg)', async () => {
  const db = await openDatabase({ url: await testDatabaseUrl(), dataDir: 'unused' });
  if (db.kind !== 'postgres') throw new Error(`expected the postgres adapter, got ${db.kind}`);
  return db;
});
