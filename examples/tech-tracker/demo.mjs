#!/usr/bin/env node
// The tech-tracker demo: copies the example workbooks into .demo/tech-tracker/ (ignored by git,
// so the committed files never change) and syncs them twice: a dry run, then the real sync,
// which backs the tracker up and writes the notification e-mail into the outbox folder.
//   node examples/tech-tracker/demo.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = join(root, '.demo', 'tech-tracker');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const file of ['mot.xlsx', 'tech-tracker.xlsx'])
  copyFileSync(join(here, file), join(work, file));

const bin = join(root, 'apps', 'tech-tracker', 'bin', 'run.js');
const env = { ...process.env, NOTIF_TO_ADDRESS: 'tech-team@example.org', OUTBOX_DIR: 'outbox' };
const sync = [
  'sync',
  '--school-year',
  '23-24',
  '--mot',
  'mot.xlsx',
  '--tracker',
  'tech-tracker.xlsx',
  '--today',
  '2023-07-15',
];
for (const extra of [['--dry-run'], []]) {
  process.stdout.write(`\n$ tech-tracker ${[...sync, ...extra].join(' ')}\n`);
  const run = spawnSync(process.execPath, [bin, ...sync, ...extra], {
    cwd: work,
    env,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
process.stdout.write(
  `\nResult: ${join(work, 'tech-tracker.xlsx')}; backup in ${join(work, 'backups')}; e-mail in ${join(work, 'outbox')}\n`,
);
