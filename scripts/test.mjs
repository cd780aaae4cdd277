#!/usr/bin/env node
// Runs every package's tests through turbo, then prints one summary line across packages
// ("Tests: N passed, N failed") from the JSON reports vitest writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = ['apps', 'packages'].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group)).map((name) => join(root, group, name, '.vitest-report.json'))
    : [],
);
for (const file of reports) rmSync(file, { force: true });

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const turbo = spawnSync(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'test',
    `--concurrency=${concurrency}`,
    '--continue',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const failedPackages = [];
for (const file of reports) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if ((report.numFailedTests ?? 0) > 0 || report.success === false)
    failedPackages.push(file.slice(root.length).replace('/.vitest-report.json', ''));
}
if (failedPackages.length > 0) console.log(`Failing: ${failedPackages.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
const status = turbo.status ?? 1;
process.exit(status !== 0 ? status : failed > 0 || passed === 0 ? 1 : 0);
