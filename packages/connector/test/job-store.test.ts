import { afterAll, beforeAll } from 'vitest';
import { migrate, openDatabase, type Database } from '@toolbelt/db';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { connectorMigrations, createMemoryJobStore, createSqlJobStore } from '../src/index.js';
import { jobStoreContract } from './job-store-contract.js';

let pglite: Database;
let postgres: Database;
beforeAll(async () => {
  pglite = await openDatabase({ dataDir: 'memory://' });
  await migrate(pglite, connectorMigrations);
  postgres = await openDatabase({ url: await testDatabaseUrl() });
  await migrate(postgres, connectorMigrations);
  // Twice: the migrations are recorded, so nothing happens the second time.
  await migrate(postgres, connectorMigrations);
}, 120_000);
afterAll(async () => {
  await pglite?.close();
  await postgres?.close();
});

jobStoreContract('PGlite', (now) => Promise.resolve(createSqlJobStore(pglite, { now })));
jobStoreContract('PostgreSQL', (now) => Promise.resolve(createSqlJobStore(postgres, { now })));
jobStoreContract('memory', (now) => Promise.resolve(createMemoryJobStore(now)));
