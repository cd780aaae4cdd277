import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { openDatabase, type Database } from '../src/index.js';

// A server that goes away while a connection is checked out (a transaction, a COPY) must
// reject the work with UNAVAILABLE, never emit an unhandled `error` that crashes the process.
let url: string;
let db: Database;
let admin: pg.Client;
beforeAll(async () => {
  url = await testDatabaseUrl();
  db = await openDatabase({ url, postgres: { applicationName: 'lost-test' } });
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await db.query('CREATE TABLE lost_rows (id int)');
});
afterAll(async () => {
  await admin.end();
  await db.close();
});

async function killOurBackends(): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE application_name = 'lost-test' AND pid <> pg_backend_pid()`,
  );
  return rows[0]!.n;
}

describe('PostgreSQL lost under a checked-out connection', () => {
  it('fails a transaction with UNAVAILABLE when the server ends it mid-way', async () => {
    const error = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO lost_rows VALUES (1)');
        expect(await killOurBackends()).toBeGreaterThan(0);
        // Give the terminated socket time to deliver its FATAL message and close.
        await new Promise((r) => setTimeout(r, 300));
        await tx.query('INSERT INTO lost_rows VALUES (2)');
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ToolbeltError', code: 'UNAVAILABLE', exitCode: 69 });
    const { rows } = await db.query('SELECT count(*)::int AS n FROM lost_rows');
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('fails a COPY with UNAVAILABLE when the server ends it mid-stream', async () => {
    async function* rows() {
      for (let i = 0; i < 200_000; i++) {
        if (i === 1000) {
          await killOurBackends();
          await new Promise((r) => setTimeout(r, 300));
        }
        yield [i];
      }
    }
    const error = await db.copyFrom('lost_rows', ['id'], rows()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ToolbeltError', code: 'UNAVAILABLE' });
    const { rows: count } = await db.query('SELECT count(*)::int AS n FROM lost_rows');
    expect(count[0]).toEqual({ n: 0 });
  });
});
