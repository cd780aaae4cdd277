/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Run one statement with `$1..$n` parameters. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /**
   * Bulk-load rows with COPY (pg-copy-streams on PostgreSQL, PGlite's own COPY API on PGlite).
   * Rows stream in; memory stays bounded. Returns the number of rows loaded.
   */
  copyFrom(table: string, columns: readonly string[], rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>): Promise<number>;
}

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** The `Database` port: PostgreSQL (`DATABASE_URL`) or embedded PGlite (`.data/`). */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Run `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A connection string other libraries (job queues) can use. PostgreSQL: the URL itself.
   * PGlite: starts a socket server on 127.0.0.1 (stopped by `close()`).
   */
  connectionString(): Promise<string>;
  close(): Promise<void>;
}

/** One forward-only migration; `id` orders them and is recorded once applied. */
export interface Migration {
  id: string;
  sql: string;
}
