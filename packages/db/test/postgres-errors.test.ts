import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { openDatabase } from '../src/index.js';

let url: string;
beforeAll(async () => {
  url = await testDatabaseUrl();
});

function withPassword(base: string, user: string, password: string): string {
  const parsed = new URL(base);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('openDatabase on PostgreSQL: failures', () => {
  it('reports a refused connection as UNAVAILABLE without the password', async () => {
    const port = await closedPort();
    const error = await openDatabase({ url: `postgres://app:s3cr3t-pw@127.0.0.1:${port}/x` }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'UNAVAILABLE', exitCode: 69 });
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('s3cr3t-pw');
    expect(JSON.stringify(error)).not.toContain('s3cr3t-pw');
  });

  it('reports refused credentials as AUTH without the password', async () => {
    const error = await openDatabase({ url: withPassword(url, 'no_such_role', 's3cr3t-pw') }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'AUTH', exitCode: 77 });
    expect((error as Error).message).not.toContain('s3cr3t-pw');
  });

  it('reports a wrong password as AUTH without the password', async () => {
    // Its own cluster: the shared one trusts every login, and pg_hba.conf must be local.
    const cluster = await startPostgres({ databaseUrl: null });
    try {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ file: string }>(
          "SELECT current_setting('hba_file') AS file",
        );
        const hbaFile = rows[0]!.file;
        const rules = await readFile(hbaFile, 'utf8');
        await writeFile(hbaFile, `host all pw_user 127.0.0.1/32 scram-sha-256\n${rules}`);
        await admin.query('SELECT pg_reload_conf()');
        await admin.query("CREATE ROLE pw_user LOGIN PASSWORD 'right-pw'");
      } finally {
        await admin.end();
      }
      const wrong = await openDatabase({
        url: withPassword(cluster.url, 'pw_user', 'wr0ng-pw'),
      }).catch((e: unknown) => e);
      expect(wrong).toMatchObject({ code: 'AUTH', params: { sqlState: '28P01' } });
      expect((wrong as Error).message).not.toContain('wr0ng-pw');
      expect((wrong as Error).message).toContain('pw_user:***@');
      const right = await openDatabase({ url: withPassword(cluster.url, 'pw_user', 'right-pw') });
      await expect(right.query('SELECT current_user AS u')).resolves.toMatchObject({
        rows: [{ u: 'pw_user' }],
      });
      await right.close();
    } finally {
      await cluster.stop();
    }
  }, 120_000);

  it('reports an unknown database as CONFIG', async () => {
    const parsed = new URL(url);
    parsed.pathname = '/no_such_database';
    await expect(openDatabase({ url: parsed.toString() })).rejects.toMatchObject({
      code: 'CONFIG',
    });
  });

  it('reports malformed URLs as CONFIG', async () => {
    await expect(openDatabase({ url: 'not a url' })).rejects.toMatchObject({ code: 'CONFIG' });
    const error = await openDatabase({ url: 'mysql://u:s3cr3t-pw@h/db' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG' });
    expect((error as Error).message).not.toContain('s3cr3t-pw');
  });
});
