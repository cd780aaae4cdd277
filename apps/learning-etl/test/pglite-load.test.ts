import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '@toolbelt/db';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import type { RunResult } from '../src/commands/run.js';
import { expectedDay } from './expected.js';
import { runCliAsync, startCli } from '@toolbelt/testkit';
import { binPath, jsonOf, waitUntil } from './cli.js';

const PER_DAY = 400;
let api: LearningApiStandIn;
let slowApi: LearningApiStandIn;
let dir: TempDir;

const env = (apiUrl = api.url) => ({
  ITRESUME_API_URL: apiUrl,
  ITRESUME_CLIENT: 'test-client',
  ITRESUME_CLIENT_KEY: 'test-key',
});
const run = (args: string[]) =>
  runCliAsync(binPath, ['run', '--json', '--no-report', '--no-email', ...args], {
    cwd: dir.path,
    env: env(),
  });

/** Count rows in the embedded database the CLI wrote (opened only while no CLI runs). */
async function rowsOf(day?: string): Promise<number> {
  const db = await createPgliteDatabase(join(dir.path, '.data/learning-etl'));
  try {
    const { rows } = await db.query<{ n: number }>(
      day
        ? 'SELECT count(*)::int AS n FROM lms_activities WHERE created_at::date = $1'
        : 'SELECT count(*)::int AS n FROM lms_activities',
      day ? [day] : [],
    );
    return rows[0]?.n ?? -1;
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  api = await startLearningApi({ recordsPerDay: PER_DAY, seed: 8 });
  slowApi = await startLearningApi({
    recordsPerDay: 20_000,
    seed: 8,
    chunkRecords: 100,
    chunkDelayMs: 40,
  });
  dir = makeTempDir('learning-etl-pglite');
});

afterAll(async () => {
  await api?.stop();
  await slowApi?.stop();
  await dir?.cleanup();
});

describe('learning-etl run on embedded PGlite (the default)', () => {
  it('loads a day into .data/learning-etl and re-running it replaces it', async () => {
    const first = await run(['--date', '2023-05-31']);
    expect(first.status, first.stderr).toBe(0);
    const expected = expectedDay({ day: '2023-05-31', count: PER_DAY, seed: 8 });
    expect(jsonOf<RunResult>(first).days[0]).toMatchObject({
      loaded: expected.accepted,
      counts: expected.counts,
    });
    const second = await run(['--date', '2023-05-31']);
    expect(jsonOf<RunResult>(second).days[0]).toMatchObject({
      loaded: expected.accepted,
      replaced: expected.accepted,
    });
    expect(await rowsOf()).toBe(expected.accepted);
  }, 120_000);

  it('--reset empties the table before loading', async () => {
    const other = await run(['--date', '2023-06-01']);
    expect(other.status, other.stderr).toBe(0);
    const both = await rowsOf();
    const reset = await run(['--date', '2023-06-01', '--reset']);
    expect(reset.status, reset.stderr).toBe(0);
    const now = await rowsOf();
    expect(now).toBe(await rowsOf('2023-06-01'));
    expect(now).toBeLessThan(both);
  }, 120_000);

  it('a load killed mid-COPY leaves the table as it was; the re-run loads the day exactly once', async () => {
    const before = await rowsOf();
    const sentBefore = slowApi.sent;
    const killed = startCli(
      binPath,
      ['run', '--json', '--no-report', '--no-email', '--date', '2023-06-10'],
      { cwd: dir.path, env: env(slowApi.url) },
    );
    // The CLI reads the response only as fast as COPY takes it: far beyond the socket buffers means COPY runs.
    await waitUntil(() => slowApi.sent - sentBefore > 6000, 90_000);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(await rowsOf()).toBe(before);
    expect(await rowsOf('2023-06-10')).toBe(0);

    const rerun = await run(['--date', '2023-06-10']);
    expect(rerun.status, rerun.stderr).toBe(0);
    const expected = expectedDay({ day: '2023-06-10', count: PER_DAY, seed: 8 });
    expect(await rowsOf('2023-06-10')).toBe(expected.accepted);
    expect(await rowsOf()).toBe(before + expected.accepted);
  }, 180_000);
});
