/**
 * Ephemeral PostgreSQL for tests.
 *
 * One cluster per test run (see `@toolbelt/testkit/vitest-postgres`), one fresh database per
 * test file:
 *
 * ```ts
 * // vitest.config.ts of the consumer package
 * import { fileURLToPath } from 'node:url';
 * import { defineConfig } from 'vitest/config';
 * export default defineConfig({
 *   test: {
 *     globalSetup: [fileURLToPath(import.meta.resolve('@toolbelt/testkit/vitest-postgres'))],
 *   },
 * });
 *
 * // some.test.ts
 * import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
 * let url: string;
 * beforeAll(async () => { url = await testDatabaseUrl(); }, 60_000);
 * ```
 *
 * Outside vitest, `startPostgres()` gives a cluster directly. When `DATABASE_URL` is set, that
 * server is used instead of starting one (CI with a service container, a developer's server).
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { messages } from './i18n/index.js';

const execFileAsync = promisify(execFile);

/** A running PostgreSQL server for tests. */
export interface PostgresCluster {
  /** Admin URL (user `postgres`, database `postgres`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** True when the cluster was started by us (false: an existing `DATABASE_URL` server). */
  readonly ephemeral: boolean;
  /** Create an empty database (from `template0`) and return its URL. */
  createDatabase(name?: string): Promise<string>;
  /**
   * Ephemeral cluster: stop it (`-m immediate`) and delete its directory.
   * Existing server: drop the databases this object created.
   */
  stop(): Promise<void>;
  /**
   * Ephemeral cluster only (undefined for an existing server): kill the server as a crash
   * would (`pg_ctl -m immediate stop`), keeping its data, for fault tests.
   */
  crash?(): Promise<void>;
  /** Ephemeral cluster only: start the server again on the same port after `crash()`. */
  restart?(): Promise<void>;
}

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
  /**
   * Use this server instead of starting one. Defaults to `env.DATABASE_URL`; pass `null` to
   * always start an ephemeral cluster.
   */
  databaseUrl?: string | null;
  /** Folder holding `initdb` and `pg_ctl`. Default: newest `/usr/lib/postgresql/<v>/bin`, then PATH. */
  binDir?: string;
  /** Environment to read `DATABASE_URL` and `PATH` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** Key under which the vitest global setup provides the admin URL. */
export const postgresUrlKey = 'postgresUrl';
/** Key under which the vitest global setup provides the id that names this run's databases. */
export const postgresRunIdKey = 'postgresRunId';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server started by `@toolbelt/testkit/vitest-postgres`. */
    postgresUrl: string;
    /** Id of this test run; databases from `testDatabaseUrl()` are named `tb_<id>_...`. */
    postgresRunId: string;
  }
}

/**
 * Create a fresh, empty database on the server the vitest global setup
 * (`@toolbelt/testkit/vitest-postgres`) started for this run, and return its URL.
 * Call it once per test file (in `beforeAll`); every call makes a new database.
 */
export async function testDatabaseUrl(): Promise<string> {
  // Loaded lazily: startPostgres() must stay usable outside vitest (benchmarks, scripts).
  const { inject } = await import('vitest');
  const adminUrl = inject(postgresUrlKey);
  if (typeof adminUrl !== 'string' || adminUrl === '') {
    throw messages.error(
      'CONFIG',
      'errors.noTestServer',
      {},
      {
        hint: messages.text('hints.globalSetup'),
      },
    );
  }
  return createDatabaseOn(
    adminUrl,
    `tb_${inject(postgresRunIdKey)}_${randomBytes(5).toString('hex')}`,
  );
}

/**
 * Start an ephemeral PostgreSQL cluster from the binaries on this machine (or use
 * `DATABASE_URL`). Works as root (runs the server as user `postgres` through `runuser`) and
 * as an ordinary user.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresCluster> {
  const env = options.env ?? process.env;
  const existing = options.databaseUrl === undefined ? env.DATABASE_URL : options.databaseUrl;
  if (existing) return useExistingServer(existing);
  return startEphemeralCluster(findBinDir(options.binDir, env));
}

/** Names this module gives to databases: easy to spot and to drop. */
const databaseNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** Create a database on the server behind `adminUrl` and return its URL. */
export async function createDatabaseOn(adminUrl: string, name?: string): Promise<string> {
  const dbName = name ?? `tb_${randomBytes(6).toString('hex')}`;
  if (!databaseNamePattern.test(dbName)) {
    throw messages.error('USAGE', 'errors.badDatabaseName', { name: dbName });
  }
  await withAdminClient(adminUrl, async (client) => {
    // template0 is always empty and never has other sessions attached, so copying it
    // cannot fail with "source database is being accessed by other users".
    await client.query(`CREATE DATABASE "${dbName}" TEMPLATE template0 ENCODING 'UTF8'`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/** Drop databases on the server behind `adminUrl`, disconnecting their sessions. */
export async function dropDatabasesOn(adminUrl: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await withAdminClient(adminUrl, async (client) => {
    for (const name of names) {
      if (!databaseNamePattern.test(name)) continue;
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
}

async function withAdminClient<T>(
  adminUrl: string,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function useExistingServer(databaseUrl: string): PostgresCluster {
  let parsed: URL;
  try {
    parsed = new URL(databaseUrl);
  } catch (cause) {
    throw messages.error('CONFIG', 'errors.databaseUrlInvalid', {}, { cause });
  }
  const created: string[] = [];
  return {
    url: databaseUrl,
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    ephemeral: false,
    async createDatabase(name) {
      const url = await createDatabaseOn(databaseUrl, name);
      created.push(new URL(url).pathname.slice(1));
      return url;
    },
    async stop() {
      await dropDatabasesOn(databaseUrl, created.splice(0));
    },
  };
}

function findBinDir(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const hasTools = (dir: string) =>
    existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  else {
    const root = '/usr/lib/postgresql';
    if (existsSync(root)) {
      const versions = readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a));
      candidates.push(...versions.map((v) => join(root, v, 'bin')));
    }
    candidates.push(...(env.PATH ?? '').split(':').filter(Boolean));
  }
  const found = candidates.find(hasTools);
  if (found) return found;
  throw messages.error(
    'UNAVAILABLE',
    'errors.binariesMissing',
    { places: candidates.join(', ') || messages.format('en', 'ui.nothingToSearch') },
    { hint: messages.text('hints.installPostgres') },
  );
}

interface RunAs {
  /** Wrap a command so it runs as the cluster's owner. */
  command(file: string, args: string[]): [string, string[]];
  /** Give `dir` to the cluster's owner. */
  own(dir: string): Promise<void>;
}

async function runAsForCurrentUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) {
    return { command: (file, args) => [file, args], own: async () => {} };
  }
  // initdb and postgres refuse to run as root: hand the cluster to the `postgres` user.
  let uid: number;
  let gid: number;
  try {
    uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
    gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
  } catch (cause) {
    throw messages.error(
      'UNAVAILABLE',
      'errors.noPostgresUser',
      {},
      { cause, hint: messages.text('hints.installCreatesUser') },
    );
  }
  return {
    command: (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]],
    own: (dir) => chown(dir, uid, gid),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startEphemeralCluster(binDir: string): Promise<PostgresCluster> {
  const runAs = await runAsForCurrentUser();
  const dir = await mkdtemp(join(tmpdir(), 'toolbelt-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const run = async (tool: string, args: string[]) => {
    const [file, argv] = runAs.command(join(binDir, tool), args);
    return execFileAsync(file, argv, { timeout: 60_000 });
  };
  let started = false;
  let port = 0;
  const serverOptionsFor = (p: number): string =>
    [
      `-p ${p}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      // Test data is disposable: trade durability for speed.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
  try {
    await runAs.own(dir);
    await run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    // The free port is only free until someone takes it: retry on a clash.
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const serverOptions = serverOptionsFor(port);
      try {
        // -l sends the server's output to a file; without it pg_ctl's child keeps our pipes open.
        await run('pg_ctl', [
          '-D',
          dataDir,
          '-l',
          logFile,
          '-w',
          '-t',
          '60',
          '-o',
          serverOptions,
          'start',
        ]);
        started = true;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (cause) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    await rm(dir, { recursive: true, force: true });
    const detail = (cause as { stderr?: string }).stderr ?? (cause as Error).message;
    throw messages.error('UNAVAILABLE', 'errors.clusterFailed', { detail, log }, { cause });
  }

  const stopCommand = runAs.command(join(binDir, 'pg_ctl'), [
    '-D',
    dataDir,
    '-m',
    'immediate',
    '-w',
    'stop',
  ]);
  // A test process that dies without teardown must not leave a server behind.
  const stopOnExit = () => {
    try {
      execFileSync(stopCommand[0], stopCommand[1], { stdio: 'ignore', timeout: 10_000 });
    } catch {
      // Already stopped.
    }
    try {
      execFileSync('rm', ['-rf', dir], { stdio: 'ignore' });
    } catch {
      // Best effort: the OS cleans tmp eventually.
    }
  };
  process.once('exit', stopOnExit);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    host: '127.0.0.1',
    port,
    ephemeral: true,
    createDatabase: (name) => createDatabaseOn(url, name),
    async crash() {
      await execFileAsync(stopCommand[0], stopCommand[1], { timeout: 60_000 });
    },
    async restart() {
      await run('pg_ctl', [
        '-D',
        dataDir,
        '-l',
        logFile,
        '-w',
        '-t',
        '60',
        '-o',
        serverOptionsFor(port),
        'start',
      ]);
    },
    stop() {
      stopped ??= (async () => {
        process.removeListener('exit', stopOnExit);
        try {
          await execFileAsync(stopCommand[0], stopCommand[1], { timeout: 60_000 });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      })();
      return stopped;
    },
  };
}
