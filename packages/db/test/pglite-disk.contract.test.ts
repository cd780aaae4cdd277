import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '../src/index.js';
import { databaseContract } from './contract.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'db-contract-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

databaseContract('PGlite on disk', async () => {
  // Parents that do not exist yet, as `.data/<tool>` on a fresh checkout.
  const db = await openDatabase({ dataDir: join(root, '.data', 'contract') });
  if (db.kind !== 'pglite') throw new Error(`expected the pglite adapter, got ${db.kind}`);
  return db;
});
