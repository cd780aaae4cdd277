import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promptConfirm, type Progress, type ProgressOptions } from '@toolbelt/cli-kit';
import {
  connectorMigrations,
  createBlobStoreFromEnv,
  createSqlJobStore,
  parseRegistry,
  readRegistry,
  type BlobStore,
  type JobDetails,
  type JobStore,
  type Registry,
} from '@toolbelt/connector';
import { embeddedDatabaseExists, migrate, openDatabase, type Database } from '@toolbelt/db';
import type { Language } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import { createCatalogue, type ConnectorCatalogue } from './adapters/catalogue.js';
import { readJobFile } from './adapters/job-file.js';
import { isNonEmptyDir, writeScaffold } from './adapters/scaffold-writer.js';
import type { ScaffoldPlan } from './core/scaffold.js';
import { progressLabels, removeQuestion, waitingLine } from './render.js';
import type { JobProgress } from './run-job.js';
import type { Settings } from './settings.js';

/** What `buildDeps` needs from the command besides the settings. */
export interface BuildDepsContext {
  lang: Language;
  /** Console and log file: the connectors' lines and the "waiting for" line. */
  logger: Logger;
  /** The run's clock (`TOOLBELT_NOW` or the system's) for the job database's timestamps. */
  now: () => Date;
  /** Aborted on Ctrl-C: stops a wait for the embedded folder. */
  signal?: AbortSignal;
  /** A progress bar on a terminal (a no-op elsewhere). */
  startProgress?: (options: Omit<ProgressOptions, 'enabled' | 'stream'>) => Promise<Progress>;
}

/** Rows read and loaded so far, for the Ctrl-C note. */
export interface RunCounts {
  read: number;
  loaded: number;
}

/** What the orchestrators work with; the database opens on first use. */
export interface Deps {
  registry: Registry;
  registryFile: string | undefined;
  jobs: () => Promise<JobStore>;
  /** The job database (PostgreSQL or PGlite), opened and migrated on first use. */
  database: () => Promise<Database>;
  /**
   * Whether there is a job database to read: always with DATABASE_URL; on the embedded default
   * only once its folder exists (read-only commands then create nothing).
   */
  hasData: () => Promise<boolean>;
  store: () => BlobStore;
  catalogue: ConnectorCatalogue;
  logger: Logger;
  lang: Language;
  now: () => Date;
  readJobFile: (file: string) => ReturnType<typeof readJobFile>;
  /** Asks on the terminal before a job is removed (USAGE without one: pass --yes). */
  confirmRemove: (job: JobDetails) => Promise<boolean>;
  /** Starts the run's progress bar (stages; rows and batches as counters). */
  startRunProgress: (stages: number) => Promise<{ progress: JobProgress; stop(): void }>;
  /** Rows read and loaded so far. */
  counts: RunCounts;
  close(): Promise<void>;
}

const builtInRegistry = fileURLToPath(new URL('../connectors.yaml', import.meta.url));

/**
 * The one place that picks adapters: PostgreSQL (`DATABASE_URL`) or PGlite (`PGLITE_DIR`,
 * default `.data/connector-template`) for jobs, S3 (`S3_BUCKET`) or `.objects/` for batches,
 * the built-in connectors and those of the project registry, the terminal prompt.
 */
export async function buildDeps(settings: Settings, context: BuildDepsContext): Promise<Deps> {
  const { env, cwd } = settings;
  const local = join(cwd, 'connectors.yaml');
  const projectFile = settings.registryFile ?? (existsSync(local) ? local : undefined);
  const builtIn = await readRegistry(builtInRegistry);
  const project = projectFile ? await readRegistry(projectFile) : parseRegistry([]);
  const registry = new Map([...builtIn, ...project]);

  let opened: Promise<Database> | undefined;
  const database = (): Promise<Database> => {
    opened ??= (async () => {
      // One process at a time on the embedded folder; a second one waits for it.
      const db = await openDatabase({
        url: settings.databaseUrl,
        dataDir: settings.dataDir,
        command: 'connector-template',
        wait: settings.wait,
        onWait: (holder) =>
          context.logger.info(waitingLine(holder, settings.dataDirLabel, context.lang)),
        signal: context.signal,
      });
      await migrate(db, connectorMigrations);
      return db;
    })();
    return opened;
  };
  let store: BlobStore | undefined;
  const counts: RunCounts = { read: 0, loaded: 0 };
  return {
    registry,
    registryFile: projectFile,
    database,
    hasData: async () =>
      Boolean(settings.databaseUrl) || (await embeddedDatabaseExists(settings.dataDir)),
    jobs: async () => createSqlJobStore(await database(), { now: context.now }),
    store: () => (store ??= createBlobStoreFromEnv(env, cwd)),
    catalogue: createCatalogue(registry, projectFile, {
      jobDatabase: database,
      open: (url) => openDatabase({ url }),
    }),
    logger: context.logger,
    lang: context.lang,
    now: context.now,
    readJobFile,
    confirmRemove: (job) =>
      promptConfirm({ message: removeQuestion(job, context.lang), flag: '--yes' }),
    counts,
    startRunProgress: async (stages) => {
      const labels = progressLabels(context.lang);
      // Stages on the bar, rows and batches after it: on a terminal only, never with --json.
      const bar = context.startProgress
        ? await context.startProgress({
            label: labels.job,
            total: stages,
            counters: [
              { name: 'read', label: labels.read },
              { name: 'batches', label: labels.batches },
              { name: 'loaded', label: labels.loaded },
            ],
          })
        : undefined;
      const progress: JobProgress = {
        read: (n) => {
          counts.read += n;
          bar?.count?.('read', n);
        },
        loaded: (n) => {
          counts.loaded += n;
          bar?.count?.('loaded', n);
        },
        batches: (n) => bar?.count?.('batches', n),
        stageDone: () => bar?.tick(),
      };
      return { progress, stop: () => bar?.stop() };
    },
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

/** Builds the deps, runs `work` with them, and closes them (the job database) after. */
export async function withDeps<T>(
  settings: Settings,
  context: BuildDepsContext,
  work: (deps: Deps) => Promise<T>,
): Promise<T> {
  const deps = await buildDeps(settings, context);
  try {
    return await work(deps);
  } finally {
    await deps.close();
  }
}

/** What `new` works with: the scaffold writer and where the package is made. */
export interface NewDeps {
  isNonEmptyDir: (dir: string) => boolean;
  /** True when `dir` or a folder above it holds a pnpm workspace. */
  inWorkspace: (dir: string) => boolean;
  writeScaffold: (plan: ScaffoldPlan, dir: string, registryFile: string) => Promise<void>;
}

export function buildNewDeps(): NewDeps {
  return {
    isNonEmptyDir,
    inWorkspace: (dir) => parentsOf(dir).some((d) => existsSync(join(d, 'pnpm-workspace.yaml'))),
    writeScaffold,
  };
}

/** `dir` and every folder above it. */
function parentsOf(dir: string): string[] {
  const out = [dir];
  for (let d = join(dir, '..'); d !== out[out.length - 1]; d = join(d, '..')) out.push(d);
  return out;
}
