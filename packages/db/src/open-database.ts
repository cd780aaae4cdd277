import type { Database } from './database.js';
import { openEmbeddedDatabase, type EmbeddedOptions } from './embedded.js';
import type { PgliteDatabaseOptions } from './pglite-database.js';
import { createPostgresDatabase, type PostgresDatabaseOptions } from './postgres-database.js';

/** Where the data lives: a PostgreSQL server, or else an embedded PGlite folder. */
export interface OpenDatabaseOptions extends Omit<EmbeddedOptions, 'pglite'> {
  /**
   * PostgreSQL URL (apps pass `DATABASE_URL`). When set (non-empty), the PostgreSQL adapter
   * is used and `dataDir` is ignored.
   */
  url?: string;
  /**
   * PGlite data folder used when there is no `url` (apps pass `.data/<tool>`; created with
   * its parents), or `'memory://'` for a throwaway database. Default `.data/db`. One process
   * has a folder open at a time; the others wait (see `EmbeddedOptions`).
   */
  dataDir?: string;
  /** Tuning of the PostgreSQL adapter. */
  postgres?: PostgresDatabaseOptions;
  /** Tuning of the PGlite adapter. */
  pglite?: PgliteDatabaseOptions;
}

/** Open the app's database: PostgreSQL when a URL is given, embedded PGlite otherwise. */
export function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) return createPostgresDatabase(options.url, options.postgres);
  const { url: _url, dataDir, postgres: _postgres, ...embedded } = options;
  return openEmbeddedDatabase(dataDir ?? '.data/db', embedded);
}
