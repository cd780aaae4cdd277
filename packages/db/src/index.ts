export type { Database, Migration, QueryResult, Queryable, Transaction } from './database.js';
export { openDatabase, type OpenDatabaseOptions } from './open-database.js';
export { createPostgresDatabase, type PostgresDatabaseOptions } from './postgres-database.js';
export { createPgliteDatabase, inMemory, type PgliteDatabaseOptions } from './pglite-database.js';
export {
  embeddedDatabaseExists,
  openEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedOptions,
} from './embedded.js';
export type { OwnerHandler } from './owner-channel.js';
export { migrate, type MigrateOptions, type MigrateResult } from './migrate.js';
export { redactUrl } from './database-error.js';
export { toCsvField } from './copy-csv.js';
export { waitingParams } from './waiting.js';
export { messages as dbMessages } from './i18n/index.js';
export { lockMessages, type LockHolder } from '@toolbelt/lock';
