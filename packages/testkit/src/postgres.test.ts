import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolbeltError, type ToolbeltError } from '@toolbelt/errors';
import { startPostgres, type PostgresCluster } from './postgres.js';

async function queryOnce<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startPostgres (ephemeral cluster)', () => {
  let cluster: PostgresCluster;

  beforeAll(async () => {
    cluster = await startPostgres({ databaseUrl: null });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('serves the admin URL on loopback', async () => {
    expect(cluster.ephemeral).toBe(true);
    expect(cluster.host).toBe('127.0.0.1');
    expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
    const rows = await queryOnce<{ db: string; version: string }>(
      cluster.url,
      "SELECT current_database() AS db, current_setting('server_version_num') AS version",
    );
    expect(rows[0]?.db).toBe('postgres');
    expect(Number(rows[0]?.version)).toBeGreaterThanOrEqual(150000);
  });

  it('creates fresh, isolated databases', async () => {
    const first = await cluster.createDatabase();
    const second = await cluster.createDatabase('named_db');
    expect(new URL(second).pathname).toBe('/named_db');
    expect(first).not.toBe(second);
    await queryOnce(first, 'CREATE TABLE only_in_first (id int)');
    const inSecond = await queryOnce<{ n: string }>(
      second,
      "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'only_in_first'",
    );
    expect(inSecond[0]?.n).toBe('0');
    const encoding = await queryOnce<{ enc: string }>(
      first,
      'SELECT pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()',
    );
    expect(encoding[0]?.enc).toBe('UTF8');
  });

  it('rejects database names that would need quoting', async () => {
    await expect(cluster.createDatabase('Bad"name')).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('uses an existing server as DATABASE_URL and drops what it created', async () => {
    const shared = await startPostgres({ env: { DATABASE_URL: cluster.url } });
    expect(shared.ephemeral).toBe(false);
    expect(shared.port).toBe(cluster.port);
    const url = await shared.createDatabase();
    const name = new URL(url).pathname.slice(1);
    await queryOnce(url, 'SELECT 1');
    await shared.stop();
    const left = await queryOnce(
      cluster.url,
      `SELECT 1 FROM pg_database WHERE datname = '${name}'`,
    );
    expect(left).toHaveLength(0);
    // The server itself keeps running: it is not ours.
    await expect(queryOnce(cluster.url, 'SELECT 1')).resolves.toHaveLength(1);
  });
});

describe('startPostgres lifecycle', () => {
  it('stops the server and removes its directory', async () => {
    const cluster = await startPostgres({ databaseUrl: null });
    const rows = await queryOnce<{ dir: string }>(
      cluster.url,
      "SELECT current_setting('data_directory') AS dir",
    );
    const dataDir = rows[0]?.dir ?? '';
    expect(dataDir).toMatch(/toolbelt-pg-/);
    await cluster.stop();
    const { existsSync } = await import('node:fs');
    expect(existsSync(dataDir)).toBe(false);
    await expect(queryOnce(cluster.url, 'SELECT 1')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  }, 120_000);

  it('says how to install PostgreSQL when the binaries are missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-pg-'));
    try {
      const error = (await startPostgres({ databaseUrl: null, binDir: empty }).catch(
        (e: unknown) => e,
      )) as ToolbeltError;
      expect(isToolbeltError(error)).toBe(true);
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toContain(empty);
      expect(error.hint).toContain('apt-get install postgresql');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
