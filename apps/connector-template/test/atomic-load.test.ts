import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNewJob } from '@toolbelt/connector';
import type { Database } from '@toolbelt/db';
import { writeCsvFixture } from '@toolbelt/testkit/csv-fixtures';
import { startPostgres, testDatabaseUrl, type PostgresCluster } from '@toolbelt/testkit/postgres';
import { startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import type { Deps } from '../src/build-deps.js';
import { runJob } from '../src/run-job.js';
import { MASTER_HASH, captureLogger, csvToPostgresJob, depsOf, runSettingsOf } from './helpers.js';

/**
 * A connector killed (SIGKILL) in the middle of its destination load, against a real
 * PostgreSQL: the target keeps its old rows, the history is marked Failed when the job
 * next runs, and the re-run loads every row exactly once.
 */
const ROWS = 400_000;
const OLD_ROWS = 1000;
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const dir = makeTempDir('connector-atomic');
const csv = `${dir.path}/big.csv`;
let env: Record<string, string>;
let deps: Deps;
let db: Database;

beforeAll(async () => {
  await writeCsvFixture(csv, ROWS);
  env = {
    MASTER_HASH,
    DATABASE_URL: await testDatabaseUrl(),
    OBJECTS_DIR: `${dir.path}/objects`,
  };
  deps = await depsOf(env, dir.path);
  db = await deps.database();
}, 120_000);
afterAll(async () => {
  await deps?.close();
  await dir.cleanup();
});

const count = async (table: string): Promise<number> =>
  Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]?.n);

async function latestHistory(jobId: number): Promise<number | undefined> {
  const result = await db.query<{ id: string | null }>(
    'SELECT max(history_id)::text AS id FROM connector_job_history WHERE job_id = $1',
    [jobId],
  );
  return result.rows[0]?.id ? Number(result.rows[0].id) : undefined;
}

/** Rows COPied so far into the staging table of `history` (0 before it exists). */
async function stagedRows(history: number): Promise<number> {
  try {
    return await count(`"_toolbelt_load_e${history}"`);
  } catch {
    return 0;
  }
}

/** Starts `run --job` in a child process on `runEnv` (testkit's clean environment under it). */
function startRun(jobId: number, runEnv: Record<string, string>, logs: string) {
  const args = ['run', '--job', String(jobId), '--log-dir', `${dir.path}/${logs}`];
  return startCli(bin, args, { cwd: dir.path, env: runEnv });
}

/**
 * Starts `run --job` in a child process and kills it with SIGKILL once the destination has
 * COPied its first batch (and before it can have finished the rest). Returns the history.
 */
async function runAndKillMidLoad(jobId: number): Promise<number> {
  const { child, done } = startRun(jobId, env, 'logs');
  let history: number | undefined;
  let ended = false;
  void done.then(() => (ended = true));
  // Bounded: the child ends by itself at the latest when the load is over.
  while (!ended) {
    history ??= await latestHistory(jobId);
    if (history !== undefined && (await stagedRows(history)) > 0) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const { status, signal, stderr } = await done;
  expect({ status, signal, stderr: signal ? '' : stderr }).toEqual({
    status: null,
    signal: 'SIGKILL',
    stderr: '',
  });
  return history as number;
}

async function seedOldRows(table: string): Promise<void> {
  await db.query(`CREATE TABLE ${table} (id text, name text, amount text, empty text)`);
  await db.query(
    `INSERT INTO ${table} SELECT 'old' || g, 'Old', '0', NULL FROM generate_series(1, ${OLD_ROWS}) g`,
  );
}

async function historyOf(id: number) {
  return (await deps.jobs()).getHistory(id);
}

async function rerun(jobId: number, extra: { stage?: 'destination'; historyId?: number } = {}) {
  const { logger, lines } = captureLogger();
  const result = await runJob({ ...deps, logger }, runSettingsOf(env, jobId, extra));
  return { result, lines };
}

const stagingTables = async (): Promise<string[]> =>
  (
    await db.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE starts_with(tablename, '_toolbelt_load_e')",
    )
  ).rows.map((r) => r.name);

describe('PostgreSQL destination killed mid-load (SIGKILL), then run again', () => {
  for (const method of ['replace', 'append'] as const) {
    it(
      `${method}: the old rows stay, the killed history becomes Failed, the re-run loads once`,
      { timeout: 240_000 },
      async () => {
        const table = `killed_${method}`;
        await seedOldRows(table);
        const jobs = await deps.jobs();
        const jobId = await jobs.addJob(
          toNewJob(csvToPostgresJob(csv, table, method), MASTER_HASH),
        );

        const killed = await runAndKillMidLoad(jobId);
        // Nothing of the killed load is visible: the old rows, all of them, only them.
        expect(await count(table)).toBe(OLD_ROWS);
        expect(await count(`${table} WHERE id LIKE 'old%'`)).toBe(OLD_ROWS);
        expect((await historyOf(killed))?.status).toBe(1);

        const again = await rerun(jobId);
        expect(again.result.exitCode).toBe(0);
        expect((await historyOf(killed))?.status).toBe(3);
        const logs = await jobs.listLogs({ historyId: killed });
        expect(logs.map((l) => l.text)).toContainEqual(
          `History ${killed} was left Running by a run that stopped without finishing; marked Failed.`,
        );
        const fresh = again.result.stages[1]?.historyId as number;
        expect(fresh).toBeGreaterThan(killed);
        expect(await historyOf(fresh)).toMatchObject({ status: 2, rowCount: ROWS });
        const expected = method === 'replace' ? ROWS : OLD_ROWS + ROWS;
        expect(await count(table)).toBe(expected);
        expect(await count(`${table} WHERE id LIKE 'old%'`)).toBe(
          method === 'replace' ? 0 : OLD_ROWS,
        );
        expect(
          Number(
            (await db.query<{ n: string }>(`SELECT count(DISTINCT id)::text AS n FROM ${table}`))
              .rows[0]?.n,
          ),
        ).toBe(expected);
        // The killed run's staging table went with the re-run.
        expect(await stagingTables()).toEqual([]);

        // Loading the same history again adds nothing (exactly-once per history).
        const twice = await rerun(jobId, { stage: 'destination', historyId: fresh });
        expect(twice.result.exitCode).toBe(0);
        expect(twice.result.stages[0]?.rowsAffected).toBe(ROWS);
        expect(twice.lines.join('\n')).toContain(
          `History ${fresh} was already loaded into ${table} (${ROWS} rows); nothing was loaded again.`,
        );
        expect(await count(table)).toBe(expected);
        expect((await historyOf(fresh))?.status).toBe(2);
      },
    );
  }
});

describe('PostgreSQL server killed mid-load (pg_ctl -m immediate stop), then run again', () => {
  let cluster: PostgresCluster;
  let serverEnv: Record<string, string>;
  let serverDeps: Deps | undefined;
  beforeAll(async () => {
    // A cluster of its own: the shared one serves the other test files.
    cluster = await startPostgres({ databaseUrl: null });
    serverEnv = {
      MASTER_HASH,
      DATABASE_URL: await cluster.createDatabase('crash'),
      OBJECTS_DIR: `${dir.path}/objects-crash`,
    };
  }, 120_000);
  afterAll(async () => {
    await serverDeps?.close().catch(() => {});
    await cluster?.stop();
  });

  it(
    'Replace: the old rows stay, the run stops with an error, the re-run loads every row once',
    { timeout: 240_000 },
    async () => {
      const table = 'crashed_replace';
      const setup = await depsOf(serverEnv, dir.path);
      const setupDb = await setup.database();
      await setupDb.query(`CREATE TABLE ${table} (id text, name text, amount text, empty text)`);
      await setupDb.query(
        `INSERT INTO ${table} SELECT 'old' || g, 'Old', '0', NULL FROM generate_series(1, ${OLD_ROWS}) g`,
      );
      const jobId = await (
        await setup.jobs()
      ).addJob(toNewJob(csvToPostgresJob(csv, table, 'replace'), MASTER_HASH));
      const staged = async (history: number): Promise<number> => {
        try {
          const r = await setupDb.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM "_toolbelt_load_e${history}"`,
          );
          return Number(r.rows[0]?.n);
        } catch {
          return 0;
        }
      };
      const latest = async (): Promise<number | undefined> => {
        const r = await setupDb.query<{ id: string | null }>(
          'SELECT max(history_id)::text AS id FROM connector_job_history WHERE job_id = $1',
          [jobId],
        );
        return r.rows[0]?.id ? Number(r.rows[0].id) : undefined;
      };

      const { done } = startRun(jobId, serverEnv, 'logs-crash');
      let ended = false;
      void done.then(() => (ended = true));
      let history: number | undefined;
      let crashed = false;
      while (!ended) {
        history ??= await latest();
        if (history !== undefined && (await staged(history)) > 0) {
          await setup.close().catch(() => {});
          await cluster.crash?.();
          crashed = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(crashed).toBe(true);
      const { status } = await done;
      // The run ends by itself with the code for a lost database (not a success, not a hang).
      expect(status).toBe(69);
      await cluster.restart?.();

      serverDeps = await depsOf(serverEnv, dir.path);
      const db = await serverDeps.database();
      const n = async (where = 'true'): Promise<number> =>
        Number(
          (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE ${where}`))
            .rows[0]?.n,
        );
      expect(await n()).toBe(OLD_ROWS);
      expect(await n("id LIKE 'old%'")).toBe(OLD_ROWS);
      const jobs = await serverDeps.jobs();
      expect((await jobs.getHistory(history as number))?.status).toBe(1);

      const { logger } = captureLogger();
      const again = await runJob({ ...serverDeps, logger }, runSettingsOf(serverEnv, jobId));
      expect(again.exitCode).toBe(0);
      expect((await jobs.getHistory(history as number))?.status).toBe(3);
      const fresh = again.stages[1]?.historyId as number;
      expect(await jobs.getHistory(fresh)).toMatchObject({ status: 2, rowCount: ROWS });
      expect(await n()).toBe(ROWS);
      expect(await n("id LIKE 'old%'")).toBe(0);
    },
  );
});

describe('CSV destination killed mid-write', () => {
  it(
    'Replace leaves the old file whole, the re-run writes every row and no temp file stays',
    { timeout: 240_000 },
    async () => {
      const out = `${dir.path}/out/people.csv`;
      const old = 'id,name,amount,empty\nold1,Old,0,\n';
      const { mkdirSync } = await import('node:fs');
      mkdirSync(`${dir.path}/out`, { recursive: true });
      writeFileSync(out, old);
      const jobs = await deps.jobs();
      const definition = {
        ...csvToPostgresJob(csv, 'unused', 'replace'),
        destination: { connector: 'csv', object: out },
      };
      const jobId = await jobs.addJob(toNewJob(definition, MASTER_HASH));

      const { child, done } = startRun(jobId, env, 'logs');
      let ended = false;
      void done.then(() => (ended = true));
      const temps = (): string[] =>
        readdirSync(`${dir.path}/out`).filter((f) => f.endsWith('.tmp'));
      while (!ended) {
        if (temps().length > 0) {
          // Ctrl-C as a terminal sends it.
          child.kill('SIGINT');
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const { status } = await done;
      // cli-kit ends a Ctrl-C'd run with CANCELLED; the temp file went with the process.
      expect(status).toBe(130);
      expect(readFileSync(out, 'utf8')).toBe(old);
      expect(temps()).toEqual([]);
      // A run killed outright (SIGKILL) leaves its temp file: the next load removes it.
      const dead = spawn(process.execPath, ['-e', '0']);
      await once(dead, 'exit');
      const stale = `${dir.path}/out/.people.csv.${dead.pid}.1.tmp`;
      writeFileSync(stale, 'half');
      expect(temps()).toHaveLength(1);

      const again = await rerun(jobId);
      expect(again.result.exitCode).toBe(0);
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(ROWS + 1);
      expect(lines[0]).toBe('id,name,amount,empty');
      expect(temps()).toEqual([]);
      expect(existsSync(out)).toBe(true);
    },
  );
});
