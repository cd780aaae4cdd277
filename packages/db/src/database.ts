/**
 * Anything that runs SQL: the database itself or an open transaction.
 *
 * Values come back the same way on both adapters: int2/int4/float -> number, int8 -> number
 * (string beyond 2^53), numeric -> string (exact), bool -> boolean, timestamptz and timestamp
 * -> Date (timestamp read as UTC), date -> 'YYYY-MM-DD' string, json/jsonb -> parsed value,
 * bytea -> Uint8Array (a Buffer on PostgreSQL). Parameters: Date is sent as an ISO string,
 * bigint as a decimal string.
 */
export interface Queryable {
  /**
   * Run one statement with `$1..$n` parameters. Without parameters the text may hold several
   * statements separated by `;` (the result is the last one's).
   */
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /**
   * Bulk-load rows with COPY (pg-copy-streams on PostgreSQL, PGlite's own COPY API on PGlite).
   * Rows stream in; memory stays bounded. Returns the number of rows loaded. All rows or none:
   * a failure leaves the table as it was (and, inside a transaction, aborts that transaction).
   * `table` may be schema-qualified (`schema.table`); names are quoted as given.
   * Values: null/undefined -> NULL, '' stays '', Date -> ISO-8601, Uint8Array -> bytea,
   * JS arrays -> PostgreSQL arrays, other objects -> JSON (pass `JSON.stringify(array)` for a
   * JSON array).
   */
  copyFrom(
    table: string,
    columns: readonly string[],
    rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  ): Promise<number>;
}

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** An open transaction; `transaction()` on it nests with a savepoint. */
export interface Transaction extends Queryable {
  /** Run `fn` in a savepoint: rolled back to it if `fn` throws, the outer transaction goes on. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** The `Database` port: PostgreSQL (`DATABASE_URL`) or embedded PGlite (`.data/`). */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Run `fn` in one transaction: committed if it resolves, rolled back if it throws.
   * Use the `tx` argument inside `fn`: on PGlite (one connection) a query on the database
   * object itself waits until the transaction ends.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * A connection string other libraries (job queues) can use. PostgreSQL: the URL itself.
   * PGlite: rejects with USAGE; the embedded database opens no network socket (other
   * processes reach it through its owner, see `openEmbeddedDatabase`).
   */
  connectionString(): Promise<string>;
  close(): Promise<void>;
}

/** One forward-only migration; `id` orders them and is recorded once applied. */
export interface Migration {
  id: string;
  sql: string;
}
