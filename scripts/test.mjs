#!/usr/bin/env node
// `pnpm test`: checks the system programs the tests need (PostgreSQL server binaries,
// Chromium, Debian's python3) and installs the missing ones through apt when it can (root or
// password-less sudo), or stops at once naming the apt-get command. Then runs the unit tests
// of these scripts and every package's tests through turbo, and prints one summary line
// across packages ("Tests: N passed, N failed") in which failed suites and hooks count as
// failures (scripts/lib/test-summary.mjs).
//
//   pnpm test [turbo args]      e.g. pnpm test --filter @toolbelt/db
//   pnpm test --no-install      never run apt; just name the command
// TOOLBELT_TEST_PREREQ_ROOT=DIR looks for the programs under DIR instead of / (to test the check).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrerequisites } from './lib/prerequisites.mjs';
import { summarize } from './lib/test-summary.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const noInstall = args.includes('--no-install');
const turboArgs = args.filter((a) => a !== '--no-install');

const prereq = ensurePrerequisites({
  install: !noInstall,
  probe: { root: process.env.TOOLBELT_TEST_PREREQ_ROOT ?? '/', env: process.env },
});
if (prereq !== 0) process.exit(prereq);

const packages = ['apps', 'packages'].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group))
        .map((name) => join(root, group, name))
        .filter((dir) => existsSync(join(dir, 'package.json')))
        .map((dir) => ({
          dir,
          manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
          report: join(dir, '.vitest-report.json'),
        }))
    : [],
);
for (const { report } of packages) rmSync(report, { force: true });

// The scripts' own unit tests (node's test runner; a few seconds).
const scriptTests = readdirSync(join(root, 'scripts', 'lib'))
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => join(root, 'scripts', 'lib', f));
const own = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...scriptTests], {
  cwd: root,
  encoding: 'utf8',
  timeout: 5 * 60_000,
});
const tapCount = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(own.stdout)?.[1] ?? 0);
const ownCounts = { passed: tapCount('pass'), failed: tapCount('fail') };
if (own.status !== 0 || ownCounts.failed > 0 || ownCounts.passed === 0) {
  process.stdout.write(own.stdout ?? '');
  process.stderr.write(own.stderr ?? '');
  if (ownCounts.failed === 0) ownCounts.failed = 1;
} else console.log(`scripts/lib: ${ownCounts.passed} tests passed`);

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', `--concurrency=${concurrency}`, '--continue', ...turboArgs],
  {
    cwd: root,
    stdio: 'inherit',
    env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
  },
);

// With a filter only some packages run: a missing report then means "not selected".
const filtered = turboArgs.some((a) => a.startsWith('--filter') || a.startsWith('-F'));
const expected = packages
  .filter(({ manifest }) => typeof manifest.scripts?.test === 'string')
  .filter(({ report }) => !filtered || existsSync(report))
  .map(({ dir, report }) => ({
    name: dir.slice(root.length),
    report: existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined,
  }));
const summary = summarize(
  [
    ...expected,
    {
      name: 'scripts/lib',
      report: {
        numPassedTests: ownCounts.passed,
        numFailedTests: ownCounts.failed,
        success: ownCounts.failed === 0,
      },
    },
  ],
  turbo.status ?? 1,
);
if (summary.failing.length > 0)
  console.log(`Failing: ${summary.failing.map((f) => `${f.name} (${f.reason})`).join(', ')}`);
console.log(summary.line);
const status = turbo.status ?? 1;
process.exit(status !== 0 ? status : summary.failed > 0 || summary.passed === 0 ? 1 : 0);
