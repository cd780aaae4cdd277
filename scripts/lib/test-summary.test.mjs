// The summary line over real vitest reports: a fixture package run with the workspace's
// vitest (a hook failing at file level and inside a describe, an import error, an afterAll
// error, a failing and a skipped test), and a green one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { countReport, summarize } from './test-summary.mjs';

const root = new URL('../..', import.meta.url).pathname;
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs vitest on `files` in a fresh folder and returns its JSON report. */
function vitestReport(files) {
  const dir = mkdtempSync(join(tmpdir(), 'toolbelt-summary-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const out = join(dir, 'report.json');
  spawnSync(vitest, ['run', '--root', dir, '--reporter=json', `--outputFile.json=${out}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(readFileSync(out, 'utf8'));
}

const red = {
  'file-hook.test.mjs': `import { beforeAll, it, expect } from 'vitest';
beforeAll(() => { throw new Error('Chromium not found'); });
it('one', () => expect(1).toBe(1));
it('two', () => expect(1).toBe(1));
`,
  'describe-hook.test.mjs': `import { beforeAll, describe, it, expect } from 'vitest';
describe('inner', () => {
  beforeAll(() => { throw new Error('hook in describe'); });
  it('x', () => expect(1).toBe(1));
});
describe('outer', () => { it('fails', () => expect(1).toBe(2)); });
it('passes', () => expect(1).toBe(1));
`,
  'import-error.test.mjs': `import 'no-such-module-anywhere';
import { it } from 'vitest';
it('never', () => {});
`,
  'after-hook.test.mjs': `import { afterAll, it, expect } from 'vitest';
afterAll(() => { throw new Error('after hook'); });
it('ok', () => expect(1).toBe(1));
`,
  'green.test.mjs': `import { it, expect } from 'vitest';
it('ok', () => expect(1).toBe(1));
it.skip('skipped on purpose', () => {});
`,
};

describe('test summary', () => {
  it('counts failed hooks, import errors and failed tests of a real vitest run', () => {
    const report = vitestReport(red);
    const counts = countReport(report);
    // 1 failed test; 4 suites failed by their own errors: the file-level beforeAll, the
    // describe-level beforeAll, the import error and the afterAll.
    assert.equal(counts.failedTests, 1);
    assert.equal(counts.suiteErrors, 4);
    assert.equal(counts.failed, 5);
    assert.equal(counts.passed, 3);
    const summary = summarize([{ name: 'apps/fixture', report }], 1);
    assert.match(summary.line, /^Tests: 3 passed, 5 failed, \d+ skipped$/);
    assert.match(summary.failing[0].reason, /Chromium not found/);
  });

  it('reads 0 failed only for a green run', () => {
    const report = vitestReport({ 'green.test.mjs': red['green.test.mjs'] });
    const summary = summarize([{ name: 'packages/fixture', report }], 0);
    assert.equal(summary.line, 'Tests: 1 passed, 0 failed, 1 skipped');
    assert.deepEqual(summary.failing, []);
  });

  it('counts a missing report, errors outside tests and a failed task as failures', () => {
    const summary = summarize(
      [
        { name: 'apps/crashed', report: undefined },
        {
          name: 'apps/unhandled',
          report: { numPassedTests: 2, numFailedTests: 0, success: false },
        },
      ],
      0,
    );
    assert.equal(summary.line, 'Tests: 2 passed, 2 failed');
    assert.equal(summarize([], 1).line, 'Tests: 0 passed, 1 failed');
  });
});
