import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '@toolbelt/db';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import type { RunResult } from '../src/commands/run.js';
import { startCli } from '@toolbelt/testkit';
import { binPath, jsonOf, waitUntil } from './cli.js';

// Two learning-etl processes on one embedded folder: the second waits for the first (one
// owner per folder), so nothing is lost; a killed load leaves a folder the next run opens.
const PER_DAY = 3000;
let api: LearningApiStandIn;
let dir: TempDir;

const env = () => ({
  ITRESUME_API_URL: api.url,
  ITRESUME_CLIENT: 'test-client',
  ITRESUME_CLIENT_KEY: 'test-key',
});
const start = (args: string[], cwd = dir.path) =>
  startCli(binPath, ['run', '--json', '--no-report', '--no-email', ...args], { cwd, env: env() });
const lockFile = (cwd = dir.path) => join(cwd, '.data/learning-etl/owner.lock');
const holderPid = (cwd = dir.path): number | undefined => {
  try {
    return (JSON.parse(readFileSync(lockFile(cwd), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
};

async function rowsPerDay(cwd = dir.path): Promise<Record<string, number>> {
  const db = await createPgliteDatabase(join(cwd, '.data/learning-etl'));
  try {
    const { rows } = await db.query<{ day: string; n: number }>(
      `SELECT created_at::date::text AS day, count(*)::int AS n FROM lms_activities GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.day, r.n]));
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  // Slow enough (30 chunks of 100 records, 30 ms apart) that the runs overlap.
  api = await startLearningApi({
    recordsPerDay: PER_DAY,
    seed: 5,
    chunkRecords: 100,
    chunkDelayMs: 30,
  });
  dir = makeTempDir('learning-etl-lock');
});
afterAll(async () => {
  await api?.stop();
  await dir?.cleanup();
});

describe('learning-etl: one process per embedded data folder', () => {
  it('a backfill and a single day at once: the second waits, both days complete', async () => {
    const backfill = start(['--from', '2023-05-01', '--to', '2023-05-03']);
    await waitUntil(() => holderPid() === backfill.child.pid);
    const refused = await start(['--date', '2023-05-02', '--no-wait']).done;
    expect(refused.status).toBe(75);
    expect(jsonOf<{ error: { code: string } }>(refused).error.code).toBe('TEMPFAIL');
    expect(refused.stdout).toContain(`locked by learning-etl (pid ${backfill.child.pid} `);

    const single = start(['--date', '2023-05-02']);
    const [first, second] = await Promise.all([backfill.done, single.done]);
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(
      `waiting for learning-etl (pid ${backfill.child.pid}) to release .data/learning-etl`,
    );
    const secondDay = jsonOf<RunResult>(second).days[0]!;
    // The single day ran after the backfill had loaded the same day: it replaced those rows.
    expect(secondDay).toMatchObject({ day: '2023-05-02', replaced: secondDay.loaded });
    expect(secondDay.loaded).toBeGreaterThan(0);
    const counts = await rowsPerDay();
    const loaded = jsonOf<RunResult>(first).days.map((d) => d.loaded);
    expect(counts).toEqual({
      '2023-05-01': loaded[0],
      '2023-05-02': secondDay.loaded,
      '2023-05-03': loaded[2],
    });
  });

  it('SIGKILL mid-load: the next run takes the lock over and the cut load is rolled back', async () => {
    const other = makeTempDir('learning-etl-kill');
    // Its own, slower stand-in (30 chunks, 150 ms apart): the load is still streaming when it
    // is killed, however busy the machine is.
    const slow = await startLearningApi({
      recordsPerDay: PER_DAY,
      seed: 6,
      chunkRecords: 100,
      chunkDelayMs: 150,
    });
    const startSlow = (args: string[]) =>
      startCli(binPath, ['run', '--json', '--no-report', '--no-email', ...args], {
        cwd: other.path,
        env: { ...env(), ITRESUME_API_URL: slow.url },
      });
    try {
      const victim = startSlow(['--date', '2023-06-01']);
      // The database is open and the day streams into its COPY transaction (30 chunks, 30 ms
      // apart): kill it part-way.
      await waitUntil(() => victim.output().stderr.includes('database: pglite'));
      await new Promise((r) => setTimeout(r, 300));
      victim.child.kill('SIGKILL');
      expect((await victim.done).signal).toBe('SIGKILL');
      expect(existsSync(lockFile(other.path))).toBe(true);
      const next = await startSlow(['--date', '2023-06-01', '--no-wait']).done;
      expect(next.status, next.stderr).toBe(0);
      const day = jsonOf<RunResult>(next).days[0]!;
      expect(day.replaced).toBe(0);
      expect(await rowsPerDay(other.path)).toEqual({ '2023-06-01': day.loaded });
      expect(existsSync(lockFile(other.path))).toBe(false);
    } finally {
      await slow.stop();
      await other.cleanup();
    }
  });
});
