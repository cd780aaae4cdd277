import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  connectorMigrations,
  createBlobStoreFromEnv,
  createSqlJobStore,
  parseRegistry,
  readRegistry,
  type BlobStore,
  type JobStore,
  type Registry,
} from '@toolbelt/connector';
import {
  embeddedDatabaseExists,
  migrate,
  openDatabase,
  type Database,
  type LockHolder,
} from '@toolbelt/db';
import { createCatalogue, type ConnectorCatalogue } from './adapters/catalogue.js';

/** Settings `buildDeps` reads. */
export interface DepsConfig {
  env: Readonly<Record<string, string>>;
  /** A project registry file (default `CONNECTOR_REGISTRY`, else ./connectors.yaml when present). */
  registryFile?: string;
  cwd?: string;
  /** The run's clock (`TOOLBELT_NOW` or the system's) for the job database's timestamps. */
  now?: () => Date;
  /**
   * The embedded folder is used by one process at a time: false fails at once (TEMPFAIL,
   * exit 75, naming the holder) instead of waiting. Default true.
   */
  wait?: boolean;
  /** Called once when another process has the embedded folder and we wait for it. */
  onWait?: (holder: LockHolder, dataDir: string) => void;
  /** Abort a wait (Ctrl-C). */
  signal?: AbortSignal;
}

/** What the commands work with; the database opens on first use. */
export interface Deps {
  registry: Registry;
  registryFile: string | undefined;
  jobs: () => Promise<JobStore>;
  database: () => Promise<Database>;
  /**
   * Whether there is a job database to read: always with DATABASE_URL; on the embedded default
   * only once its folder exists (read-only commands then create nothing).
   */
  hasData: () => Promise<boolean>;
  store: () => BlobStore;
  catalogue: ConnectorCatalogue;
  close(): Promise<void>;
}

const builtInRegistry = fileURLToPath(new URL('../connectors.yaml', import.meta.url));

/**
 * The one place that picks adapters: PostgreSQL (`DATABASE_URL`) or PGlite (`PGLITE_DIR`,
 * default `.data/connector-template`) for jobs, S3 (`S3_BUCKET`) or `.objects/` for batches.
 */
export async function buildDeps(config: DepsConfig): Promise<Deps> {
  const { env } = config;
  const cwd = config.cwd ?? process.cwd();
  const projectFile =
    config.registryFile ??
    env.CONNECTOR_REGISTRY ??
    (existsSync(`${cwd}/connectors.yaml`) ? `${cwd}/connectors.yaml` : undefined);
  const builtIn = await readRegistry(builtInRegistry);
  const project = projectFile ? await readRegistry(projectFile) : parseRegistry([]);
  const registry = new Map([...builtIn, ...project]);

  const dataDir = env.PGLITE_DIR ?? `${cwd}/.data/connector-template`;
  let opened: Promise<Database> | undefined;
  const database = (): Promise<Database> => {
    opened ??= (async () => {
      // One process at a time on the embedded folder; a second one waits for it.
      const db = await openDatabase({
        url: env.DATABASE_URL,
        dataDir,
        command: 'connector-template',
        ...(config.wait === false ? { wait: false } : {}),
        ...(config.onWait ? { onWait: config.onWait } : {}),
        ...(config.signal ? { signal: config.signal } : {}),
      });
      await migrate(db, connectorMigrations);
      return db;
    })();
    return opened;
  };
  let store: BlobStore | undefined;
  return {
    registry,
    registryFile: projectFile,
    database,
    hasData: async () => Boolean(env.DATABASE_URL) || (await embeddedDatabaseExists(dataDir)),
    jobs: async () => createSqlJobStore(await database(), config.now ? { now: config.now } : {}),
    store: () => (store ??= createBlobStoreFromEnv(env, cwd)),
    catalogue: createCatalogue(registry, projectFile, {
      jobDatabase: database,
      open: (url) => openDatabase({ url }),
    }),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
