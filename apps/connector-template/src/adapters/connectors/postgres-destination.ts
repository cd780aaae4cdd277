import {
  DestinationConnector,
  historyStatuses,
  updateMethods,
  type ConnectorClass,
  type Row,
} from '@toolbelt/connector';
import type { Database } from '@toolbelt/db';

/** How the PostgreSQL destination reaches a database. */
export interface PostgresDestinationDeps {
  /** The job database (used when the job has no `url` credential). */
  jobDatabase: () => Promise<Database>;
  /** Opens another server from a `url` credential. */
  open: (url: string) => Promise<Database>;
}

/** Records which history was loaded into which table, in the transaction that loads it. */
export const LOAD_TABLE = 'toolbelt_connector_load';
/** Staging tables are `<schema>.<STAGING_PREFIX><history>`. */
export const STAGING_PREFIX = '_toolbelt_load_e';

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const qualified = (name: string): string => name.split('.').map(quote).join('.');

/** `schema.table` -> `schema`, `table` -> undefined. */
function schemaOf(object: string): string | undefined {
  const at = object.lastIndexOf('.');
  return at < 0 ? undefined : object.slice(0, at);
}

/** A name in the same schema as the destination table. */
const besideTarget = (object: string, name: string): string => {
  const schema = schemaOf(object);
  return schema === undefined ? name : `${schema}.${name}`;
};

/** A COPY value: JSON for objects, text otherwise, null as null. */
function toCopyValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * PostgreSQL destination: the destination object is the table (`schema.table`). Credential
 * `url` picks the server (else the job database). Option `createTable` (default true)
 * creates a missing table with text columns.
 *
 * A load is one unit. Every batch is COPied into a staging table
 * (`_toolbelt_load_e<history>`, beside the target); only when all of them have loaded does
 * one transaction move the rows into the target (Replace empties it with TRUNCATE in that same
 * transaction: readers see the old rows until the swap, which they wait for), record the history in
 * `toolbelt_connector_load` and drop the staging table. A run that fails or is killed before
 * that commit leaves the target as it was. A history already recorded there is not loaded
 * again (Append is exactly-once). Staging tables left by killed runs are dropped by the next
 * load into the same schema once their history is no longer Running.
 */
export function createPostgresDestination(
  deps: PostgresDestinationDeps,
): ConnectorClass<DestinationConnector> {
  return class PostgresDestination extends DestinationConnector {
    static override connectorId = 'postgres';
    static override displayName = 'PostgreSQL';
    private db: Database | undefined;
    private ownsDb = false;

    private get staging(): string {
      return besideTarget(this.object, `${STAGING_PREFIX}${this.historyId}`);
    }
    private get loadTable(): string {
      return besideTarget(this.object, LOAD_TABLE);
    }

    private async database(): Promise<Database> {
      if (!this.db) {
        const url = this.credentials.url;
        this.ownsDb = Boolean(url);
        this.db = url ? await deps.open(url) : await deps.jobDatabase();
        if (this.options.createTable !== false) {
          const columns = this.destinationColumns.map((c) => `${quote(c)} text`).join(', ');
          await this.db.query(`CREATE TABLE IF NOT EXISTS ${qualified(this.object)} (${columns})`);
        }
      }
      return this.db;
    }

    override async run(): Promise<void> {
      try {
        const db = await this.database();
        await db.query(
          `CREATE TABLE IF NOT EXISTS ${qualified(this.loadTable)} (
             history_id bigint NOT NULL,
             object_nm text NOT NULL,
             row_count bigint NOT NULL,
             update_method_cd smallint NOT NULL,
             loaded_at timestamptz NOT NULL DEFAULT now(),
             PRIMARY KEY (history_id, object_nm))`,
        );
        const done = await db.query<{ row_count: number | string }>(
          `SELECT row_count FROM ${qualified(this.loadTable)} WHERE history_id = $1 AND object_nm = $2`,
          [this.historyId, this.object],
        );
        if (done.rows[0]) {
          this.rowCount = Number(done.rows[0].row_count);
          await this.logInfo(
            this.text('log.alreadyLoaded', {
              history: this.historyId,
              object: this.object,
              rows: this.rowCount,
            }),
          );
          return;
        }
        await this.dropAbandonedStaging(db);
        const columns = this.destinationColumns.map(quote).join(', ');
        await db.query(`DROP TABLE IF EXISTS ${qualified(this.staging)}`);
        // Same column types as the target, no constraints, no WAL on a real server.
        await db.query(
          `CREATE ${db.kind === 'postgres' ? 'UNLOGGED ' : ''}TABLE ${qualified(this.staging)} AS
             SELECT ${columns} FROM ${qualified(this.object)} WITH NO DATA`,
        );
        try {
          await this.runBatches();
          if (this.batchCount > 0) await this.swapIn(db, columns);
          else await db.query(`DROP TABLE IF EXISTS ${qualified(this.staging)}`);
        } catch (error) {
          await db.query(`DROP TABLE IF EXISTS ${qualified(this.staging)}`).catch(() => {});
          throw error;
        }
      } finally {
        if (this.ownsDb) await this.db?.close();
      }
    }

    /** The one transaction that makes the load visible. */
    private async swapIn(db: Database, columns: string): Promise<void> {
      await db.transaction(async (tx) => {
        // The primary key stops a second loader of the same history at this point.
        await tx.query(
          `INSERT INTO ${qualified(this.loadTable)} (history_id, object_nm, row_count, update_method_cd)
           VALUES ($1, $2, $3, $4)`,
          [this.historyId, this.object, this.rowCount, this.job.updateMethod],
        );
        // TRUNCATE is transactional in PostgreSQL: rolled back with the rest on failure.
        // Readers wait for this short swap instead of seeing an empty table; no dead rows.
        if (this.job.updateMethod === updateMethods.replace)
          await tx.query(`TRUNCATE ${qualified(this.object)}`);
        await tx.query(
          `INSERT INTO ${qualified(this.object)} (${columns}) SELECT ${columns} FROM ${qualified(this.staging)}`,
        );
        await tx.query(`DROP TABLE ${qualified(this.staging)}`);
      });
    }

    /** Staging tables of loads that were killed: their history is no longer Running. */
    private async dropAbandonedStaging(db: Database): Promise<void> {
      const schema = schemaOf(this.object);
      const found = await db.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables
         WHERE schemaname = COALESCE($1::text, current_schema()) AND starts_with(tablename, $2)`,
        [schema ?? null, STAGING_PREFIX],
      );
      for (const { name } of found.rows) {
        const history = Number(name.slice(STAGING_PREFIX.length));
        if (!Number.isSafeInteger(history) || history === this.historyId) continue;
        const row = await this.context.jobs.getHistory(history);
        if (row?.status === historyStatuses.running) continue;
        await db.query(`DROP TABLE IF EXISTS ${qualified(besideTarget(this.object, name))}`);
      }
    }

    /** Replace happens in the final transaction (see `swapIn`): nothing to empty here. */
    override async clear(): Promise<void> {}

    override async batch(rows: Row[]): Promise<number> {
      const db = await this.database();
      const columns = this.destinationColumns;
      // copyFrom quotes the table and column names itself.
      return db.copyFrom(
        this.staging,
        columns,
        rows.map((row) => columns.map((c) => toCopyValue(row[c]))),
      );
    }

    override async check(): Promise<void> {
      const db = await this.database();
      try {
        await db.query('SELECT 1');
      } finally {
        if (this.ownsDb) await db.close();
      }
    }
  };
}
