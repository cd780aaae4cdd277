import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import type { RunResult } from '../src/commands/run.js';
import { expectedDay } from './expected.js';
import { runCliAsync, startCli } from '@toolbelt/testkit';
import { binPath, jsonOf, waitUntil } from './cli.js';

const PER_DAY = 600;
let api: LearningApiStandIn;
let slowApi: LearningApiStandIn;
let url: string;
let client: pg.Client;
let dir: TempDir;

const env = (over: Record<string, string> = {}) => ({
  DATABASE_URL: url,
  ITRESUME_API_URL: api.url,
  ITRESUME_CLIENT: 'test-client',
  ITRESUME_CLIENT_KEY: 'test-key',
  ITRESUME_RETRIES: '2',
  ITRESUME_RETRY_DELAY_MS: '10',
  ...over,
});
const run = (args: string[], over: Record<string, string> = {}) =>
  runCliAsync(binPath, ['run', '--json', '--no-report', '--no-email', ...args], {
    cwd: dir.path,
    env: env(over),
  });
const rowsOf = async (day?: string) =>
  Number(
    (
      await client.query<{ n: string }>(
        day
          ? 'SELECT count(*) AS n FROM lms_activities WHERE created_at::date = $1'
          : 'SELECT count(*) AS n FROM lms_activities',
        day ? [day] : [],
      )
    ).rows[0]?.n,
  );

beforeAll(async () => {
  api = await startLearningApi({ recordsPerDay: PER_DAY, seed: 3 });
  slowApi = await startLearningApi({
    recordsPerDay: 20_000,
    seed: 3,
    chunkRecords: 100,
    chunkDelayMs: 40,
  });
  url = await testDatabaseUrl();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  dir = makeTempDir('learning-etl-pg');
}, 120_000);

afterAll(async () => {
  await client?.end();
  await api?.stop();
  await slowApi?.stop();
  await dir?.cleanup();
});

describe('learning-etl run on PostgreSQL', () => {
  it('does not touch the database when the API stays down (exit 69)', async () => {
    api.failNext(3, 503);
    const before = api.requests.length;
    const result = await run(['--date', '2023-05-30']);
    expect(result.status).toBe(69);
    expect(api.requests.length - before).toBe(3);
    expect(jsonOf<{ error: { code: string } }>(result).error.code).toBe('UNAVAILABLE');
    const table = await client.query<{ t: string | null }>(
      "SELECT to_regclass('lms_activities') AS t",
    );
    expect(table.rows[0]?.t).toBe(null);
  });

  it('loads a day with the exact query and the stats of the spec', async () => {
    const result = await run(['--date', '2023-05-31']);
    expect(result.status, result.stderr).toBe(0);
    const expected = expectedDay({ day: '2023-05-31', count: PER_DAY, seed: 3 });
    const day = jsonOf<RunResult>(result).days[0];
    expect(day).toMatchObject({
      day: '2023-05-31',
      read: PER_DAY,
      accepted: expected.accepted,
      corrupt: expected.corrupt,
      loaded: expected.accepted,
      counts: expected.counts,
    });
    expect(await rowsOf('2023-05-31')).toBe(expected.accepted);
    expect(api.requests.at(-1)?.query).toEqual({
      client: 'test-client',
      client_key: 'test-key',
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 23:59:59.999999',
    });
    const types = await client.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'lms_activities' ORDER BY ordinal_position",
    );
    expect(types.rows.map((r) => `${r.column_name}:${r.data_type}`)).toEqual([
      'user_id:character varying',
      'created_at:timestamp without time zone',
      'oauth_consumer_key:character varying',
      'lis_result_sourcedid:character varying',
      'lis_outcome_service_url:character varying',
      'is_correct:boolean',
      'attempt_type:character varying',
      // Ours: the day each row was loaded for and how, for exact re-runs (README, step 3).
      'load_day:date',
      'load_mode:character varying',
    ]);
    // A missing passback key is NULL, an empty one stays an empty string.
    const keys = await client.query<{ empty: string; nulls: string }>(
      "SELECT count(*) FILTER (WHERE oauth_consumer_key = '') AS empty, count(*) FILTER (WHERE oauth_consumer_key IS NULL) AS nulls FROM lms_activities",
    );
    expect(Number(keys.rows[0]?.empty)).toBeGreaterThan(0);
    expect(Number(keys.rows[0]?.nulls)).toBeGreaterThan(0);
  }, 60_000);

  it('re-running a day replaces it (idempotent)', async () => {
    const before = await rowsOf();
    const result = await run(['--date', '2023-05-31']);
    expect(result.status, result.stderr).toBe(0);
    expect(jsonOf<RunResult>(result).days[0]).toMatchObject({ replaced: before, loaded: before });
    expect(await rowsOf()).toBe(before);
  }, 60_000);

  it('backfills --from/--to with one summary line per day, and --reset empties the table first', async () => {
    const human = await runCliAsync(
      binPath,
      ['run', '--no-report', '--no-email', '--from', '2023-06-01', '--to', '2023-06-03'],
      { cwd: dir.path, env: env() },
    );
    expect(human.status, human.stderr).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.slice(0, 11))).toEqual(['2023-06-01:', '2023-06-02:', '2023-06-03:']);
    expect(lines[0]).toMatch(
      /^2023-06-01: 600 read, \d+ loaded, \d+ corrupt, \d+ with defects; report not updated; mail sent to 0 recipient\(s\)$/,
    );
    const four = await rowsOf();
    expect(await rowsOf('2023-06-02')).toBeGreaterThan(0);

    const reset = await run(['--date', '2023-06-02', '--reset']);
    expect(reset.status, reset.stderr).toBe(0);
    expect(await rowsOf()).toBe(await rowsOf('2023-06-02'));
    expect(await rowsOf()).toBeLessThan(four);
  }, 120_000);

  it('test mode requests and loads only the first hour', async () => {
    const result = await run(['--date', '2023-06-05', '--test-mode']);
    expect(result.status, result.stderr).toBe(0);
    expect(api.requests.at(-1)?.query.end).toBe('2023-06-05 00:59:59.999999');
    const late = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM lms_activities WHERE created_at >= '2023-06-05 01:00:00' AND created_at < '2023-06-06'",
    );
    expect(Number(late.rows[0]?.n)).toBe(0);
    const expected = expectedDay({
      day: '2023-06-05',
      count: PER_DAY,
      seed: 3,
      end: '2023-06-05 00:59:59.999999',
    });
    expect(await rowsOf('2023-06-05')).toBe(expected.accepted);
    // A full load, then test mode again: only the first hour is replaced, the rest stays.
    await run(['--date', '2023-06-05']);
    const full = await rowsOf('2023-06-05');
    expect(full).toBeGreaterThan(expected.accepted);
    const again = await run(['--date', '2023-06-05', '--test-mode']);
    expect(jsonOf<RunResult>(again).days[0]).toMatchObject({
      replaced: expected.accepted,
      loaded: expected.accepted,
    });
    expect(await rowsOf('2023-06-05')).toBe(full);
  }, 60_000);

  it('a load killed mid-COPY leaves the table as it was; the re-run loads the day exactly once', async () => {
    const before = await rowsOf();
    const killed = startCli(
      binPath,
      ['run', '--json', '--no-report', '--no-email', '--date', '2023-06-10'],
      { cwd: dir.path, env: env({ ITRESUME_API_URL: slowApi.url }) },
    );
    // Wait until the server runs the COPY and has received part of the day, then kill the process.
    await waitUntil(async () => {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'COPY%lms_activities%' AND state <> 'idle'",
      );
      return Number(rows[0]?.n) > 0 && slowApi.sent > 3000;
    });
    killed.child.kill('SIGKILL');
    const end = await killed.done;
    expect(end.signal).toBe('SIGKILL');
    await waitUntil(async () => {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'COPY%lms_activities%'",
      );
      return Number(rows[0]?.n) === 0;
    });
    expect(await rowsOf()).toBe(before);
    expect(await rowsOf('2023-06-10')).toBe(0);

    const rerun = await run(['--date', '2023-06-10']);
    expect(rerun.status, rerun.stderr).toBe(0);
    const expected = expectedDay({ day: '2023-06-10', count: PER_DAY, seed: 3 });
    expect(await rowsOf('2023-06-10')).toBe(expected.accepted);
    expect(await rowsOf()).toBe(before + expected.accepted);
  }, 120_000);

  it('refused credentials are AUTH (exit 77); a DB failure gives no report and no mail', async () => {
    const refused = await run(['--date', '2023-05-31'], { ITRESUME_CLIENT_KEY: 'wrong-key' });
    expect(refused.status).toBe(77);
    expect(refused.stdout).not.toContain('wrong-key');

    const down = await runCliAsync(
      binPath,
      ['run', '--date', '2023-05-31', '--report', 'out/report.xlsx'],
      {
        cwd: dir.path,
        env: env({
          DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
          MAIL_TO: 'ann@example.org',
          OUTBOX_DIR: 'outbox',
        }),
      },
    );
    expect(down.status).not.toBe(0);
    expect(existsSync(join(dir.path, 'out/report.xlsx'))).toBe(false);
    expect(existsSync(join(dir.path, 'outbox'))).toBe(false);
  }, 60_000);

  it('replays a saved response with --source-file', async () => {
    const file = new URL(
      '../../../examples/learning-etl/api-response-2023-05-31.json',
      import.meta.url,
    ).pathname;
    const requests = api.requests.length;
    const result = await run(['--date', '2023-05-31', '--source-file', file], {
      ITRESUME_CLIENT: '',
      ITRESUME_CLIENT_KEY: '',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(api.requests.length).toBe(requests);
    expect(jsonOf<RunResult>(result).days[0]).toMatchObject({ read: 300, corrupt: 9, loaded: 291 });
    expect(await rowsOf('2023-05-31')).toBe(291);
  }, 60_000);
});
