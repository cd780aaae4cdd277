import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { startCli } from '@toolbelt/testkit';
import { binPath, jsonOf, waitUntil } from './cli.js';

// PostgreSQL goes away while a day streams into its COPY transaction: the run must end with
// exit 69 and db's message (in the run's language: Russian here), as valid --json, never a
// raw crash (exit 1).
let api: LearningApiStandIn;
let url: string;
let admin: pg.Client;
let dir: TempDir;

beforeAll(async () => {
  api = await startLearningApi({
    recordsPerDay: 20_000,
    seed: 4,
    chunkRecords: 100,
    chunkDelayMs: 30,
  });
  url = await testDatabaseUrl();
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  dir = makeTempDir('learning-etl-pg-lost');
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await api?.stop();
  await dir?.cleanup();
});

it('a server that ends the connection mid-COPY gives exit 69 and valid --json, in Russian', async () => {
  const run = startCli(
    binPath,
    ['run', '--json', '--lang', 'ru', '--no-report', '--no-email', '--date', '2023-05-31'],
    {
      cwd: dir.path,
      env: {
        DATABASE_URL: url,
        ITRESUME_API_URL: api.url,
        ITRESUME_CLIENT: 'test-client',
        ITRESUME_CLIENT_KEY: 'test-key',
      },
    },
  );
  // The COPY is running when the load's backend is active with a COPY statement.
  const copying = async () =>
    (
      await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
         AND pid <> pg_backend_pid() AND query ILIKE 'COPY%'`,
      )
    ).rowCount! > 0;
  await waitUntil(copying, 60_000, 20);
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const result = await run.done;
  expect(result.status, result.stderr).toBe(69);
  const { error } = jsonOf<{ error: { code: string; message: string } }>(result);
  expect(error.code).toBe('UNAVAILABLE');
  expect(error.message).toMatch(/^База данных \S+ (недоступна|не отвечает)/);
  const left = await admin.query<{ t: string | null }>("SELECT to_regclass('lms_activities') AS t");
  // The table may not exist (the CREATE was in the cut transaction); when it does, it is empty.
  const rows = left.rows[0]?.t
    ? (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM lms_activities')).rows
    : [{ n: 0 }];
  expect(rows[0]?.n).toBe(0);
});
