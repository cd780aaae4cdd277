/**
 * Vitest global setup: one PostgreSQL server for the whole test run.
 *
 * ```ts
 * // vitest.config.ts
 * import { fileURLToPath } from 'node:url';
 * import { defineConfig } from 'vitest/config';
 * export default defineConfig({
 *   test: {
 *     globalSetup: [fileURLToPath(import.meta.resolve('@toolbelt/testkit/vitest-postgres'))],
 *   },
 * });
 * ```
 *
 * Test files then call `testDatabaseUrl()` from `@toolbelt/testkit/postgres` to get a fresh
 * database. With `DATABASE_URL` set, that server is used and the databases made during the
 * run are dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { dropDatabasesOn, postgresRunIdKey, postgresUrlKey, startPostgres } from './postgres.js';

/** What vitest hands to a global setup (the part we use of its `TestProject`). */
export interface GlobalSetupContext {
  provide: (key: typeof postgresUrlKey | typeof postgresRunIdKey, value: string) => void;
}

/** Start the run's server, provide its admin URL as `postgresUrl`, return the teardown. */
export async function setup({ provide }: GlobalSetupContext): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  // Databases made by this run's test files carry the run id, so teardown finds them.
  const runId = randomBytes(4).toString('hex');
  provide(postgresUrlKey, cluster.url);
  provide(postgresRunIdKey, runId);
  return async () => {
    if (cluster.ephemeral) {
      await cluster.stop();
      return;
    }
    await dropRunDatabases(cluster.url, runId);
  };
}

/** On a shared server, drop the databases this run's test files created (named after the run). */
async function dropRunDatabases(adminUrl: string, runId: string): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`tb_${runId}_`],
    );
    await dropDatabasesOn(
      adminUrl,
      rows.map((row) => row.datname),
    );
  } finally {
    await client.end();
  }
}

export default setup;
