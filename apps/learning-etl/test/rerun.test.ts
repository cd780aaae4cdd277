import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import type { RunResult } from '../src/commands/run.js';
import { runCliAsync } from '@toolbelt/testkit';
import { binPath, jsonOf } from './cli.js';

/**
 * Exact re-runs whatever the records' `created_at`: records of other days are loaded once
 * and tagged with the day they were loaded for; records without a valid time, or with a NUL
 * character, are corrupt (counted, logged with their line) and never stop the day.
 */
const uid = (n: number): string => n.toString(16).padStart(32, '0');
const passback = (key = '') =>
  `{'oauth_consumer_key': '${key}', 'lis_result_sourcedid': 'course-v1:X', 'lis_outcome_service_url': 'https://x/y'}`;
const record = (n: number, createdAt: unknown, key = '') => ({
  lti_user_id: uid(n),
  passback_params: passback(key),
  is_correct: null,
  attempt_type: 'run',
  // undefined: JSON.stringify leaves the key out (a record without created_at).
  created_at: createdAt,
});

const records = [
  record(1, '2023-05-31 08:00:00'),
  record(2, '2023-05-31 09:30:00.5'),
  record(3, '2023-05-30 23:59:59'), // the day before
  record(4, '2023-06-02 10:00:00'), // another day
  record(5, undefined), // no created_at: corrupt
  record(6, null), // null: corrupt
  record(7, '2023-05-31 99:99:99'), // not a time: corrupt (was exit 70)
  record(8, '2023-02-30 10:00:00'), // not a date: corrupt
  record(9, '2023-05-31 10:00:00', 'a\u0000b'), // NUL in passback_params: corrupt (was exit 70)
  record(10, '2023-05-31 11:00:00'),
];

let url: string;
let client: pg.Client;
let dir: TempDir;
let file: string;

beforeAll(async () => {
  url = await testDatabaseUrl();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  dir = makeTempDir('learning-etl-rerun');
  file = `${dir.path}/response.json`;
  writeFileSync(file, JSON.stringify(records));
}, 120_000);
afterAll(async () => {
  await client?.end();
  await dir?.cleanup();
});

const run = (args: string[]) =>
  runCliAsync(
    binPath,
    ['run', '--json', '--no-report', '--no-email', '--source-file', file, ...args],
    {
      cwd: dir.path,
      env: { DATABASE_URL: url },
    },
  );
const count = async (where = 'true') =>
  Number(
    (await client.query<{ n: string }>(`SELECT count(*) AS n FROM lms_activities WHERE ${where}`))
      .rows[0]?.n,
  );

describe('learning-etl re-runs of a day', () => {
  it('three runs of the same day leave the same rows, whatever the records created_at', async () => {
    const totals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await run(['--date', '2023-05-31']);
      expect(result.status, result.stderr).toBe(0);
      expect(jsonOf<RunResult>(result).days[0]).toMatchObject({
        read: 10,
        corrupt: 5,
        loaded: 5,
        replaced: i === 0 ? 0 : 5,
      });
      totals.push(await count());
    }
    expect(totals).toEqual([5, 5, 5]);
    expect(await count("load_day = '2023-05-31' AND load_mode = 'day'")).toBe(5);
    // The day's statistics count the records of the day only.
    expect(await count("created_at::date = '2023-05-31'")).toBe(3);
  }, 120_000);

  it('logs each corrupt record with its line and the reason', async () => {
    const result = await run(['--date', '2023-05-31', '--verbose']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "line # 5 wasn't read - error - the <created_at> time is missing or invalid: null",
    );
    expect(result.stderr).toContain(
      "line # 7 wasn't read - error - the <created_at> time is missing or invalid: 2023-05-31 99:99:99",
    );
    expect(result.stderr).toContain(
      "line # 9 wasn't read - error - the field <oauth_consumer_key> holds a NUL character",
    );
  }, 60_000);

  it('another day keeps its own rows; test mode re-runs replace only what test mode loaded', async () => {
    await run(['--date', '2023-06-02']);
    expect(await count("load_day = '2023-06-02'")).toBe(5);
    for (let i = 0; i < 3; i++) {
      const result = await run(['--date', '2023-05-31', '--test-mode']);
      expect(result.status, result.stderr).toBe(0);
    }
    // 2023-05-31: the day load minus nothing in the first hour (no record there) + test rows.
    expect(await count("load_day = '2023-05-31' AND load_mode = 'test'")).toBe(5);
    expect(await count("load_day = '2023-06-02'")).toBe(5);
    const full = await run(['--date', '2023-05-31']);
    expect(full.status, full.stderr).toBe(0);
    expect(await count("load_day = '2023-05-31'")).toBe(5);
    expect(await count()).toBe(10);
  }, 120_000);
});
