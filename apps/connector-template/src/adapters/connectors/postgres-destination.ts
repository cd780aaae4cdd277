import { DestinationConnector, type ConnectorClass, type Row } from '@toolbelt/connector';
import type { Database } from '@toolbelt/db';

/** How the PostgreSQL destination reaches a database. */
export interface PostgresDestinationDeps {
  /** The job database (used when the job has no `url` credential). */
  jobDatabase: () => Promise<Database>;
  /** Opens another server from a `url` credential. */
  open: (url: string) => Promise<Database>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const qualified = (name: string): string => name.split('.').map(quote).join('.');

/** A COPY value: JSON for objects, text otherwise, null as null. */
function toCopyValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * PostgreSQL destination: the destination object is the table (`schema.table`), loaded with
 * COPY. Credential `url` picks the server (else the job database). Option `createTable`
 * (default true) creates a missing table with text columns. Replace empties the table first.
 */
export function createPostgresDestination(
  deps: PostgresDestinationDeps,
): ConnectorClass<DestinationConnector> {
  return class PostgresDestination extends DestinationConnector {
    static override connectorId = 'postgres';
    static override displayName = 'PostgreSQL';
    private db: Database | undefined;
    private ownsDb = false;

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
        await this.runBatches();
      } finally {
        if (this.ownsDb) await this.db?.close();
      }
    }

    override async clear(): Promise<void> {
      const db = await this.database();
      await db.query(`TRUNCATE ${qualified(this.object)}`);
    }

    override async batch(rows: Row[]): Promise<number> {
      const db = await this.database();
      const columns = this.destinationColumns;
      // copyFrom quotes the table and column names itself.
      return db.copyFrom(
        this.object,
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
