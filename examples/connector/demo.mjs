#!/usr/bin/env node
// The connector demo: a fresh job database (PGlite) and object folder under .demo/connector,
// the example job (CSV -> PostgreSQL table `people`, Replace), one run, then its history.
// Run from the repository root after a build: node examples/connector/demo.mjs
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}apps/connector-template/bin/run.js`;
const work = '.demo/connector';
rmSync(`${root}${work}`, { recursive: true, force: true });
const env = {
  ...process.env,
  PGLITE_DIR: `${work}/data`,
  OBJECTS_DIR: `${work}/objects`,
  MASTER_HASH: process.env.MASTER_HASH ?? 'demo-master-hash-not-for-production',
};
delete env.DATABASE_URL;
delete env.S3_BUCKET;

const steps = [
  ['jobs', 'add', '--file', 'examples/connector/job.json'],
  ['jobs', 'list'],
  ['run', '--job', '1', '--dry-run'],
  ['run', '--job', '1'],
  ['history', '--job', '1'],
  ['history', '--history', '1'],
];
for (const args of steps) {
  process.stdout.write(`\n$ connector-template ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [bin, ...args, '--log-dir', `${work}/logs`], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(`connector demo: step failed with exit ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}
