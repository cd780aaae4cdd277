import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';
import { writeFixtureJobs } from './job-fixtures.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;
let url: string;
let runner: Runner;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  dir = makeTempDir('job-runner-workers');
  writeFixtureJobs(dir.path);
  url = await testDatabaseUrl();
  runner = await openRunner({
    databaseUrl: url,
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: false,
  });
}, 120_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await runner?.close();
  await dir?.cleanup();
});

function startWorker(): ChildProcess {
  const { child: worker } = startCli(
    bin,
    ['worker', '--concurrency', '3', '--jobs-dir', dir.path, '--log-dir', join(dir.path, 'logs')],
    { env: { DATABASE_URL: url, JOB_RUNNER_TOOLBELT: '0' }, cwd: dir.path, timeoutMs: 600_000 },
  );
  workers.push(worker);
  return worker;
}

it('two workers against one PostgreSQL run every queued run exactly once', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 16; i++)
    ids.push(
      (await startRun(runner, { job: 'mark', input: {}, startedBy: 'test', launch: 'queue' })).run
        .id,
    );
  expect((await runner.store.getRun(ids[0]!))?.status).toBe('queued');
  const [a, b] = [startWorker(), startWorker()];
  let finished = 0;
  for (let i = 0; i < 600 && finished < ids.length; i++) {
    await new Promise((r) => setTimeout(r, 200));
    finished = (await runner.store.listRuns({ job: 'mark', status: 'succeeded', limit: 100 }))
      .length;
  }
  a.kill('SIGTERM');
  b.kill('SIGTERM');
  await Promise.all(
    [a, b].map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('close', r)))),
  );
  expect(finished).toBe(ids.length);
  const marks = readFileSync(join(dir.path, 'marks.txt'), 'utf8')
    .trim()
    .split('\n')
    .map(Number)
    .sort((x, y) => x - y);
  expect(marks).toEqual(ids);
  const runs = await runner.store.listRuns({ job: 'mark', limit: 100 });
  expect(runs.every((r) => r.status === 'succeeded' && r.exitCode === 0)).toBe(true);
}, 180_000);

it('refuses to queue secret parameters without JOB_RUNNER_SECRET_KEY to seal them', async () => {
  await expect(
    startRun(runner, {
      job: 'secret',
      input: { user: 'a', password: 'pw-123456' },
      startedBy: 'test',
      launch: 'queue',
    }),
  ).rejects.toMatchObject({ code: 'CONFIG' });
});
