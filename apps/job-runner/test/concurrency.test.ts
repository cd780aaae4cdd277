import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnExecutioner, waitForExit } from '../dist/adapters/launcher.js';
import { startRunWorker } from '../dist/adapters/run-queue.js';
import type { RunRecord } from '../dist/adapters/run-store.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';

let dir: TempDir;

beforeAll(() => {
  dir = makeTempDir('job-runner-concurrency');
  const job = (file: string, metadata: object) =>
    writeFileSync(
      join(dir.path, file),
      `export const metadata = ${JSON.stringify(metadata)};\nexport async function run(params, ctx) { ctx.log('start'); await new Promise((r) => setTimeout(r, 1500)); ctx.log('end'); }\n`,
    );
  job('serial.mjs', { name: 'serial', description: 'One at a time.', concurrency: 1 });
  job('free.mjs', { name: 'free', description: 'Any number at once.' });
});
afterAll(() => dir?.cleanup());

async function finished(runner: Runner, id: number): Promise<RunRecord> {
  for (;;) {
    const run = (await runner.store.getRun(id))!;
    if (run.finishedAt) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Start two runs of `job` at once; return them when both have finished. */
async function twoRuns(runner: Runner, job: string, launch: 'spawn' | 'queue') {
  const a = await startRun(runner, { job, input: {}, startedBy: 'test', launch });
  const b = await startRun(runner, { job, input: {}, startedBy: 'test', launch });
  // While the first runs, where is the second?
  for (;;) {
    const first = (await runner.store.getRun(a.run.id))!;
    if (first.status === 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const secondWhileFirstRuns = (await runner.store.getRun(b.run.id))!.status;
  const [first, second] = [await finished(runner, a.run.id), await finished(runner, b.run.id)];
  await Promise.all([a.done, b.done]);
  return { first, second, secondWhileFirstRuns };
}

describe('concurrency: 1 makes a second run wait in the queue', () => {
  it('on the embedded default', async () => {
    const runner = await openRunner({
      dataDir: join(dir.path, 'data'),
      jobsDirs: [dir.path],
      toolbelt: false,
    });
    try {
      const serial = await twoRuns(runner, 'serial', 'spawn');
      expect(serial.first.status).toBe('succeeded');
      expect(serial.second.status).toBe('succeeded');
      expect(serial.secondWhileFirstRuns).toBe('queued');
      expect(serial.second.startedAt!.getTime()).toBeGreaterThanOrEqual(
        serial.first.finishedAt!.getTime(),
      );
      // Without the limit the two overlap (so the check above can fail).
      const free = await twoRuns(runner, 'free', 'spawn');
      expect(free.second.startedAt!.getTime()).toBeLessThan(free.first.finishedAt!.getTime());
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('on PostgreSQL, with a worker taking three runs at a time', async () => {
    const url = await testDatabaseUrl();
    const runner = await openRunner({
      databaseUrl: url,
      dataDir: join(dir.path, 'unused'),
      jobsDirs: [dir.path],
      toolbelt: false,
    });
    const target = await runner.target();
    const worker = await startRunWorker({
      connectionString: url,
      concurrency: 3,
      execute: async ({ runId }) => {
        await waitForExit(spawnExecutioner(target, runId));
      },
    });
    try {
      const serial = await twoRuns(runner, 'serial', 'queue');
      expect(serial.second.status).toBe('succeeded');
      expect(serial.secondWhileFirstRuns).toBe('queued');
      expect(serial.second.startedAt!.getTime()).toBeGreaterThanOrEqual(
        serial.first.finishedAt!.getTime(),
      );
      const free = await twoRuns(runner, 'free', 'queue');
      expect(free.second.startedAt!.getTime()).toBeLessThan(free.first.finishedAt!.getTime());
    } finally {
      await worker.stop();
      await runner.close();
    }
  }, 120_000);
});
