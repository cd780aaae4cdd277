import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runCliAsync, startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunRecord } from '../dist/adapters/run-store.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { writeFixtureJobs } from './job-fixtures.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = makeTempDir('job-runner-schedules');
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await dir?.cleanup();
});

/** A job folder with the fixture jobs and a schedule of `mark` every minute. */
function jobFolder(name: string): { path: string; marks: string } {
  const path = join(dir.path, name);
  mkdirSync(path, { recursive: true });
  const marks = join(path, 'marks.txt');
  writeFixtureJobs(path, marks);
  writeFileSync(
    join(path, 'schedules.json'),
    JSON.stringify([{ id: 'every-minute', job: 'mark', cron: '* * * * *' }]),
  );
  return { path, marks };
}

function start(args: string[], env: Record<string, string>, cwd: string): ChildProcess {
  const { child } = startCli(bin, [...args, '--log-dir', join(cwd, 'logs')], {
    cwd,
    env: { JOB_RUNNER_TOOLBELT: '0', ...env },
    timeoutMs: 600_000,
  });
  children.push(child);
  return child;
}

const minuteOf = (run: RunRecord) => Math.floor(run.createdAt.getTime() / 60_000);

/** Wait (polling the store, real minutes) until `count` scheduled runs have finished. */
async function scheduledRuns(runner: Runner, count: number): Promise<RunRecord[]> {
  for (;;) {
    const runs = (await runner.store.listRuns({ job: 'mark', limit: 100 })).filter(
      (r) => r.startedBy === 'schedule:every-minute',
    );
    if (runs.filter((r) => r.finishedAt).length >= count) return runs.reverse();
    await new Promise((r) => setTimeout(r, 500));
  }
}

it('on PostgreSQL, two workers: every minute fires exactly once (graphile-worker cron)', async () => {
  const { path, marks } = jobFolder('pg');
  const url = await testDatabaseUrl();
  const env = { DATABASE_URL: url };
  const workers = [0, 1].map(() =>
    start(['worker', '--concurrency', '2', '--jobs-dir', path], env, path),
  );
  const runner = await openRunner({
    databaseUrl: url,
    dataDir: join(path, 'unused'),
    jobsDirs: [path],
    toolbelt: false,
  });
  try {
    // Two real minute ticks (the first may come within seconds of the start).
    await scheduledRuns(runner, 2);
    // Both workers had every chance to fire the last tick again.
    await new Promise((r) => setTimeout(r, 5_000));
    const runs = await scheduledRuns(runner, 2);
    const minutes = runs.map(minuteOf);
    expect(new Set(minutes).size).toBe(minutes.length);
    expect(minutes[1]! - minutes[0]!).toBe(1);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    // Each run executed once (the job appends its run id).
    const marked = readFileSync(marks, 'utf8').trim().split('\n').map(Number);
    expect(marked.sort()).toEqual(runs.map((r) => r.id).sort());

    const listed = await runCliAsync(
      bin,
      ['schedules', '--jobs-dir', path, '--json', '--log-dir', join(path, 'logs')],
      { cwd: path, env: { ...env, JOB_RUNNER_TOOLBELT: '0' } },
    );
    const [summary] = (JSON.parse(listed.stdout) as { schedules: Record<string, unknown>[] })
      .schedules;
    expect(summary).toMatchObject({ id: 'every-minute', job: 'mark', cron: '* * * * *' });
    expect((summary!.last as { id: number }).id).toBe(runs.at(-1)!.id);
    expect(new Date(summary!.next as string).getTime()).toBeGreaterThan(Date.now());
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await runner.close();
  }
}, 240_000);

it('on the embedded default, serve runs the schedule once a minute', async () => {
  const { path, marks } = jobFolder('embedded');
  const env: Record<string, string> = {};
  const serve = start(['serve', '--port', '0', '--jobs-dir', path], env, path);
  const exited = new Promise<number | null>((resolve) => serve.on('exit', resolve));
  // The CLI is a client of serve, which owns the folder: read the runs through it.
  const runsNow = async (): Promise<RunRecord[]> => {
    const { stdout } = await runCliAsync(
      bin,
      ['runs', '--job', 'mark', '--json', '--jobs-dir', path, '--log-dir', join(path, 'logs')],
      { cwd: path, env: { JOB_RUNNER_TOOLBELT: '0' } },
    );
    return (JSON.parse(stdout) as { runs: (RunRecord & { createdAt: string })[] }).runs.map(
      (r) => ({ ...r, createdAt: new Date(r.createdAt) }),
    );
  };
  try {
    let runs: RunRecord[] = [];
    while (runs.filter((r) => r.status === 'succeeded').length < 2) {
      await new Promise((r) => setTimeout(r, 2_000));
      runs = await runsNow();
      if (serve.exitCode !== null) throw new Error('serve stopped');
    }
    await new Promise((r) => setTimeout(r, 3_000));
    runs = (await runsNow()).reverse();
    const minutes = runs.map(minuteOf);
    expect(runs.every((r) => r.startedBy === 'schedule:every-minute')).toBe(true);
    expect(new Set(minutes).size).toBe(minutes.length);
    expect(minutes[1]! - minutes[0]!).toBe(1);
    expect(readFileSync(marks, 'utf8').trim().split('\n')).toHaveLength(runs.length);
  } finally {
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}, 240_000);
