import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../src/index.js';
import { databaseContract } from './contract.js';

// The same contract through the owner's channel: what a second process of a sharing tool
// (job-runner's CLI while `serve` runs) gets.
let root: string;
let owner: EmbeddedDatabase;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'db-shared-'));
  owner = await openEmbeddedDatabase(join(root, 'data'), { share: true });
});
afterAll(async () => {
  await owner.close();
  await rm(root, { recursive: true, force: true });
});

databaseContract('PGlite through its owner', async () => {
  const db = await openEmbeddedDatabase(join(root, 'data'), { share: true });
  if (db.role !== 'client') throw new Error(`expected a client of the owner, got ${db.role}`);
  return db;
});
