// The prerequisite check with an injected probe: a fake root folder and PATH, never the
// machine's own programs (nothing is uninstalled, nothing is installed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { installCommand, missingMessage, missingPrerequisites } from './prerequisites.mjs';

const root = new URL('../..', import.meta.url).pathname;
const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeRoot(programs) {
  const dir = mkdtempSync(join(tmpdir(), 'toolbelt-prereq-'));
  dirs.push(dir);
  for (const program of programs) {
    const file = join(dir, program);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
  }
  return dir;
}
const postgres = ['usr/lib/postgresql/15/bin/initdb', 'usr/lib/postgresql/15/bin/pg_ctl'];
const names = (missing) => missing.map((p) => p.apt);

describe('test prerequisites', () => {
  it('finds all three on a complete machine', () => {
    const dir = fakeRoot([...postgres, 'usr/bin/chromium', 'usr/bin/python3']);
    assert.deepEqual(missingPrerequisites({ root: dir, env: { PATH: '' } }), []);
  });

  it('names chromium when only Chromium is missing', () => {
    const dir = fakeRoot([...postgres, 'usr/bin/python3']);
    const missing = missingPrerequisites({ root: dir, env: { PATH: '' } });
    assert.deepEqual(names(missing), ['chromium']);
    assert.equal(installCommand(missing, { root: true }), 'apt-get install chromium');
    assert.match(missingMessage(missing, { root: false }), /sudo apt-get install chromium/);
  });

  it('finds PostgreSQL on PATH, and takes CHROMIUM_PATH and DATABASE_URL instead', () => {
    const dir = fakeRoot([
      'opt/pg/bin/initdb',
      'opt/pg/bin/pg_ctl',
      'opt/chrome',
      'usr/bin/python3',
    ]);
    assert.deepEqual(
      names(missingPrerequisites({ root: dir, env: { PATH: join(dir, 'opt/pg/bin') } })),
      ['chromium'],
    );
    assert.deepEqual(
      missingPrerequisites({
        root: dir,
        env: { PATH: '', DATABASE_URL: 'postgres://x', CHROMIUM_PATH: join(dir, 'opt/chrome') },
      }),
      [],
    );
  });

  it('lists every missing package in one command on an empty machine', () => {
    const missing = missingPrerequisites({ root: fakeRoot([]), env: { PATH: '' } });
    assert.equal(
      installCommand(missing, { root: true }),
      'apt-get install postgresql chromium python3',
    );
  });

  it('stops pnpm test at once, naming the command, when Chromium is missing', () => {
    const dir = fakeRoot([...postgres, 'usr/bin/python3']);
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'test.mjs'), '--no-install'], {
      cwd: root,
      env: { ...process.env, TOOLBELT_TEST_PREREQ_ROOT: dir, CHROMIUM_PATH: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 69);
    assert.match(run.stderr, /apt-get install chromium/);
    // Nothing ran: no test runner output.
    assert.doesNotMatch(run.stdout, /Tests:|turbo/);
  });
});
