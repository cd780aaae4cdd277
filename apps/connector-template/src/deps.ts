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
import { migrate, openDatabase, type Database } from '@toolbelt/db';
import { createCatalogue, type ConnectorCatalogue } from './adapters/catalogue.js';

/** Settings `buildDeps` reads. */
export interface DepsConfig {
  env: Readonly<Record<string, string>>;
  /** A project registry file (default `CONNECTOR_REGISTRY`, else ./connectors.yaml when present). */
  registryFile?: string;
  cwd?: string;
  /** The run's clock (`TOOLBELT_NOW` or the system's) for the job database's timestamps. */
  now?: () => Date;
}

/** What the commands work with; the database opens on first use. */
export interface Deps {
  registry: Registry;
  registryFile: string | undefined;
  jobs: () => Promise<JobStore>;
  database: () => Promise<Database>;
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

  let opened: Promise<Database> | undefined;
  const database = (): Promise<Database> => {
    opened ??= (async () => {
      const db = await openDatabase({
        url: env.DATABASE_URL,
        dataDir: env.PGLITE_DIR ?? `${cwd}/.data/connector-template`,
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
