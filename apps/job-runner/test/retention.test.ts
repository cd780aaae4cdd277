import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnPty } from '@toolbelt/testkit/pty';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runCliAsync, startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countPrunable,
  pruneFinishedRuns,
  startRetention,
} from '../dist/adapters/run-retention.js';
import type { RunStore } from '../dist/adapters/run-store.js';
import { openRunner, type Runner } from '../dist/build-deps.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;

beforeAll(() => {
  dir = makeTempDir('job-runner-retention');
});
afterAll(() => dir?.cleanup());

/** Finished runs: `jobs[i]` runs of job i, the first `old` of each created 40 days ago. */
async function seed(store: RunStore, counts: Record<string, number>, old = 0): Promise<void> {
  for (const [job, count] of Object.entries(counts))
    for (let i = 0; i < count; i++) {
      const run = await store.createRun({ job, params: { i }, startedBy: 'test' });
      await store.finishRun(run.id, { status: 'succeeded', exitCode: 0, reason: null }, new Date());
      await store.appendLines(run.id, [{ seq: 1, stream: 'stdout', at: new Date(), line: 'x' }]);
      if (i < old)
        await store.db.query(
          `UPDATE job_runner_runs SET created_at = now() - interval '40 days' WHERE id = $1`,
          [run.id],
        );
    }
}

async function remaining(store: RunStore): Promise<string[]> {
  const runs = await store.listRuns({ limit: 1000 });
  return runs.map((r) => `${r.job}:${String(r.params.i)}`).sort();
}

for (const kind of ['PostgreSQL', 'embedded PGlite'] as const) {
  describe(`retention on ${kind}`, () => {
    let runner: Runner;
    beforeAll(async () => {
      runner = await openRunner({
        databaseUrl: kind === 'PostgreSQL' ? await testDatabaseUrl() : undefined,
        dataDir: join(dir.path, `data-${kind === 'PostgreSQL' ? 'pg' : 'lite'}`),
        jobsDirs: [],
        toolbelt: false,
      });
    });
    afterAll(() => runner?.close());

    it('keeps the newest N finished runs of each job, and deletes by age', async () => {
      const { store } = runner;
      await seed(store, { a: 4, b: 2 }, 1);
      const running = await store.createRun({ job: 'a', params: { i: 'live' }, startedBy: 't' });
      expect(await countPrunable(store.db, { keepRuns: 2 })).toEqual({ total: 2, byJob: { a: 2 } });
      expect(await remaining(store)).toHaveLength(7);
      const cutoff = new Date(Date.now() - 30 * 86_400_000);
      expect(await countPrunable(store.db, { cutoff })).toEqual({
        total: 2,
        byJob: { a: 1, b: 1 },
      });
      expect(await pruneFinishedRuns(store.db, { cutoff, keepRuns: 2 })).toBe(3);
      // a:0 (old and past 2), a:1 (past 2), b:0 (old); the running run is never touched.
      expect(await remaining(store)).toEqual(['a:2', 'a:3', 'a:live', 'b:1']);
      const { rows } = await store.db.query(
        'SELECT count(*)::integer AS n FROM job_runner_lines l LEFT JOIN job_runner_runs r ON r.id = l.run_id WHERE r.id IS NULL',
      );
      expect(rows[0]!.n).toBe(0);
      await store.finishRun(
        running.id,
        { status: 'cancelled', exitCode: null, reason: 'x' },
        new Date(),
      );
    });

    it('a retention loop prunes at once and on every pass', async () => {
      const { store } = runner;
      const reports: (number | Error)[] = [];
      const stop = startRetention(store.db, {
        criteriaAt: () => ({ keepRuns: 1 }),
        now: () => new Date(),
        intervalMs: 60_000,
        report: (r) => reports.push(r),
      });
      await stop();
      expect(reports).toEqual([2]);
      expect(await remaining(store)).toEqual(['a:live', 'b:1']);
    });
  });
}

describe('prune on the command line (embedded database)', () => {
  const cwd = () => join(dir.path, 'cli');
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, JOB_RUNNER_TOOLBELT: '0' };
    delete e.DATABASE_URL;
    return e;
  };
  async function cli(
    args: string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const r = await runCliAsync(
      bin,
      [...args, '--jobs-dir', cwd(), '--log-dir', join(cwd(), 'logs')],
      { cwd: cwd(), env: { JOB_RUNNER_TOOLBELT: '0' } },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const count = async () =>
    (JSON.parse((await cli(['runs', '--json'])).stdout) as { runs: unknown[] }).runs.length;

  beforeAll(async () => {
    const runner = await openRunner({
      dataDir: join(cwd(), '.data/job-runner'),
      jobsDirs: [],
      toolbelt: false,
    });
    try {
      await seed(runner.store, { report: 3, backup: 2 });
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('without --yes and without a terminal: exit 64, nothing deleted', async () => {
    const refused = await cli(['prune', '--older-than', '0d']);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('pass --yes');
    expect(await count()).toBe(5);
  }, 60_000);

  it('--dry-run counts per job and deletes nothing; --yes deletes', async () => {
    const dry = await cli(['prune', '--keep', '1', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would delete 3 finished runs: backup (1), report (2).');
    expect(await count()).toBe(5);
    const done = await cli(['prune', '--keep', '2', '--yes', '--json']);
    expect(JSON.parse(done.stdout)).toEqual({
      deleted: 1,
      byJob: { report: 1 },
      dryRun: false,
      keep: 2,
    });
    expect(await count()).toBe(4);
  }, 60_000);

  it('asks on a terminal: "n" keeps everything, "y" deletes', async () => {
    const command = [process.execPath, bin, 'prune', '--older-than', '0d', '--jobs-dir', cwd()];
    const no = await runOnPty(command, [{ waitFor: '(backup (2), report (2))?', send: 'n\n' }], {
      cwd: cwd(),
      env: env(),
    });
    expect(no.sawAll).toBe(true);
    expect(no.output).toContain('Nothing deleted.');
    expect(await count()).toBe(4);
    const ru = await runOnPty(
      [...command, '--lang', 'ru'],
      [{ waitFor: 'Удалить завершённые запуски (4)', send: 'y\n' }],
      { cwd: cwd(), env: env() },
    );
    expect(ru.code).toBe(0);
    expect(ru.output).toContain('Удалено завершённых запусков: 4');
    expect(await count()).toBe(0);
  }, 120_000);

  it('serve --retention applies the setting when it starts', async () => {
    const runner = await openRunner({
      dataDir: join(cwd(), '.data/job-runner'),
      jobsDirs: [],
      toolbelt: false,
    });
    try {
      await seed(runner.store, { report: 3 });
    } finally {
      await runner.close();
    }
    const { child: serve } = startCli(
      bin,
      [
        ...['serve', '--port', '0', '--retention', '1 run', '--jobs-dir', cwd()],
        ...['--log-dir', join(cwd(), 'logs')],
      ],
      { cwd: cwd(), env: { JOB_RUNNER_TOOLBELT: '0' } },
    );
    let output = '';
    const exited = new Promise<number | null>((resolve) => serve.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const look = (chunk: string) => {
        output += chunk;
        if (output.includes('Retention: deleted 2 finished runs.')) resolve();
      };
      serve.stdout!.on('data', look);
      serve.stderr!.on('data', look);
      void exited.then(() => reject(new Error(`serve ended: ${output}`)));
    });
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await count()).toBe(1);
    const bad = await cli(['serve', '--port', '0', '--retention', 'forever']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('Use a retention like 30d, 100 runs');
  }, 120_000);
});
