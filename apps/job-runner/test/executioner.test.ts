import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForExit } from '../dist/adapters/launcher.js';
import type { RunRecord } from '../dist/adapters/run-store.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';
import { writeFixtureJobs } from './job-fixtures.js';

let dir: TempDir;
let runner: Runner;

beforeAll(async () => {
  dir = makeTempDir('job-runner-exec');
  writeFixtureJobs(dir.path);
  runner = await openRunner({
    databaseUrl: await testDatabaseUrl(),
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: false,
  });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await dir?.cleanup();
});

async function runToEnd(
  job: string,
  input: Record<string, string> = {},
  timeoutSeconds?: number,
): Promise<RunRecord> {
  const started = await startRun(runner, {
    job,
    input,
    startedBy: 'test',
    launch: 'spawn',
    stderr: 'inherit',
    timeoutSeconds: timeoutSeconds || undefined,
  });
  await waitForExit(started.executioner!);
  return (await runner.store.getRun(started.run.id))!;
}

it('lists complete jobs and says why the others are left out', () => {
  expect(runner.library.jobs.map((j) => j.name).sort()).toEqual([
    'alternate',
    'fail',
    'forever',
    'mark',
    'report',
    'secret',
    'sleepy',
    'slow-lines',
  ]);
  const problems = Object.fromEntries(
    runner.library.problems.map((p) => [p.path.split('/').pop() ?? '', p.problems] as const),
  );
  expect(problems['incomplete.mjs']).toEqual(['description: missing']);
  expect(problems['orphan.job.json']).toEqual(['orphan: no executable file next to the sidecar']);
});

it('keeps the order of lines a job writes to stdout and stderr in turn', async () => {
  const run = await runToEnd('alternate', { count: '400' });
  expect(run.status).toBe('succeeded');
  expect(run.exitCode).toBe(0);
  const lines = (await runner.store.readLines(run.id, 0, 10_000)).filter(
    (l) => l.stream !== 'system',
  );
  expect(lines).toHaveLength(400);
  lines.forEach((l, i) => {
    expect(l.line).toBe(i % 2 === 0 ? `out ${i}` : `err ${i}`);
    expect(l.stream).toBe(i % 2 === 0 ? 'stdout' : 'stderr');
  });
  const all = await runner.store.readLines(run.id, 0, 10_000);
  expect(all.map((l) => l.seq)).toEqual(all.map((_, i) => i + 1));
  expect(run.lineCount).toBe(all.length);
}, 60_000);

it('marks a job killed by its time limit as failed with the reason', async () => {
  const run = await runToEnd('sleepy');
  expect(run.status).toBe('failed');
  expect(run.reason).toBe('timed out after 1 s');
  const lines = await runner.store.readLines(run.id, 0, 100);
  expect(lines.map((l) => l.line)).toContain('going to sleep');
  expect(lines.map((l) => l.line)).not.toContain('woke up');
  expect(lines.at(-1)?.line).toBe('finished: failed (timed out after 1 s)');
}, 60_000);

it('cancels a running job', async () => {
  const started = await startRun(runner, {
    job: 'forever',
    input: {},
    startedBy: 'test',
    launch: 'spawn',
  });
  for (let i = 0; i < 200; i++) {
    const run = await runner.store.getRun(started.run.id);
    if (run && run.lineCount >= 3) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await runner.store.requestCancel(started.run.id, new Date());
  await waitForExit(started.executioner!);
  const run = (await runner.store.getRun(started.run.id))!;
  expect(run.status).toBe('cancelled');
  expect(
    (await runner.store.readLines(run.id, 0, 1000)).some(
      (l) => l.line === 'cancel requested: stopping the job',
    ),
  ).toBe(true);
}, 60_000);

it('never stores secret parameters in clear, in the record or the log', async () => {
  const run = await runToEnd('secret', { user: 'ann', password: 'hunter2-xyz' });
  expect(run.status).toBe('succeeded');
  expect(run.params).toEqual({ user: 'ann', password: '***' });
  const lines = (await runner.store.readLines(run.id, 0, 100)).map((l) => l.line);
  expect(lines).toContain('connecting as ann with ***');
  expect(lines).toContain('password=***');
  const { rows } = await runner.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM job_runner_lines WHERE line LIKE '%hunter2%'
     UNION ALL SELECT count(*)::int FROM job_runner_runs WHERE params::text LIKE '%hunter2%'`,
  );
  expect(rows.map((r) => r.n)).toEqual([0, 0]);
}, 60_000);

it('records the exit code of a failing job, runs executables with JOB_PARAM_ variables, and finds runs by log text', async () => {
  const failed = await runToEnd('fail');
  expect([failed.status, failed.exitCode, failed.reason]).toEqual(['failed', 3, 'exit code 3']);
  const report = await runToEnd('report', { month: '2026-11' });
  expect(report.status).toBe('succeeded');
  const lines = await runner.store.readLines(report.id, 0, 100);
  expect(
    lines
      .filter((l) => l.stream !== 'system')
      .map((l) => `${l.stream}:${l.line}`)
      .sort(),
  ).toEqual(['stderr:warning', 'stdout:report for 2026-11']);
  expect((await runner.store.listRuns({ search: 'something broke' })).map((r) => r.id)).toEqual([
    failed.id,
  ]);
  expect(
    (await runner.store.listRuns({ search: '2026-11', job: 'report' })).map((r) => r.id),
  ).toEqual([report.id]);
  expect((await runner.store.listRuns({ status: 'failed', job: 'fail' })).map((r) => r.id)).toEqual(
    [failed.id],
  );
}, 60_000);

it('refuses invalid parameters before storing anything', async () => {
  const before = await runner.store.listRuns({ job: 'report' });
  await expect(
    startRun(runner, { job: 'report', input: {}, startedBy: 'test', launch: 'spawn' }),
  ).rejects.toMatchObject({
    code: 'USAGE',
    problems: ['month is required (pass --set month=...)'],
  });
  await expect(
    startRun(runner, {
      job: 'alternate',
      input: { count: 'many' },
      startedBy: 'test',
      launch: 'spawn',
    }),
  ).rejects.toMatchObject({ code: 'USAGE' });
  expect(await runner.store.listRuns({ job: 'report' })).toHaveLength(before.length);
  expect(readFileSync(join(dir.path, 'report.sh.job.json'), 'utf8')).toContain('month');
});
