import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient, QueryResult as PgQueryResult } from 'pg';
import { copyStatement, toCsvBuffers } from './copy-csv.js';
import type { Database, QueryResult, Transaction } from './database.js';
import { redactUrl, toDatabaseError, type ErrorContext } from './database-error.js';
import { parseDate, parseInt8, parseTimestamp, toParam, typeOids } from './value-types.js';
import { createGuardedTransaction } from './savepoint.js';
import { messages } from './i18n/index.js';
import type { ToolbeltError } from '@toolbelt/errors';

/** Options of the PostgreSQL adapter. */
export interface PostgresDatabaseOptions {
  /** Most connections the pool keeps open (default 5). */
  maxConnections?: number;
  /** Give up connecting after this many milliseconds (default 10 000). */
  connectTimeoutMs?: number;
  /** `application_name` shown in `pg_stat_activity` (default `toolbelt`). */
  applicationName?: string;
  /** Bytes of CSV sent per COPY write (default 64 KiB); memory use is about this. */
  copyChunkBytes?: number;
}

/**
 * The `Database` port on a PostgreSQL server through `pg` (a small pool). Connects once
 * before returning, so a wrong URL, password or host fails here with CONFIG, AUTH or
 * UNAVAILABLE rather than at the first query.
 */
export async function createPostgresDatabase(
  url: string,
  options: PostgresDatabaseOptions = {},
): Promise<Database> {
  const context = parsePostgresUrl(url);
  const pg = (await import('pg')).default;
  // @types/pg declares arrayParser as a function; pg-types 2 exports `{ create }`.
  const arrayParser = pg.types.arrayParser as unknown as {
    create(text: string, parse: (entry: string) => unknown): { parse(): unknown[] };
  };
  const arrayOf = (parse: (text: string) => unknown) => (text: string) =>
    arrayParser.create(text, parse).parse();
  // Same values as the PGlite adapter (see value-types.ts).
  const parsers: Record<number, (text: string) => unknown> = {
    [typeOids.int8]: parseInt8,
    [typeOids.date]: parseDate,
    [typeOids.timestamp]: parseTimestamp,
    [typeOids.int8Array]: arrayOf(parseInt8),
    [typeOids.dateArray]: arrayOf(parseDate),
    [typeOids.timestampArray]: arrayOf(parseTimestamp),
  };
  const getTypeParser = ((oid: number, format: 'text' | 'binary' = 'text') =>
    (format === 'text' ? parsers[oid] : undefined) ??
    (pg.types.getTypeParser(oid, format) as (
      text: string,
    ) => unknown)) as typeof pg.types.getTypeParser;

  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: options.applicationName ?? 'toolbelt',
    types: { getTypeParser },
  });
  // An idle connection dropped by the server must not crash the process; the next query
  // reconnects or reports the failure.
  pool.on('error', () => {});

  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw toDatabaseError(error, context);
  }

  const chunkBytes = options.copyChunkBytes ?? 64 * 1024;
  const wrap = (error: unknown) => toDatabaseError(error, context);
  let closed: Promise<void> | undefined;

  return {
    kind: 'postgres',
    async query<R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      try {
        return toResult<R>(await pool.query(sql, params?.map(toParam)));
      } catch (error) {
        throw wrap(error);
      }
    },
    async copyFrom(table, columns, rows) {
      const client = await connect(pool, context);
      try {
        const count = await copyInto(client, table, columns, rows, chunkBytes);
        client.release();
        return count;
      } catch (error) {
        // After a failed COPY the connection state is unknown: drop it rather than reuse it.
        client.release(true);
        throw wrap(error);
      }
    },
    async transaction(fn) {
      const client = await connect(pool, context);
      const { tx, finish } = createTransaction(client, chunkBytes, wrap);
      let broken = false;
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        // The caller's own error goes through unchanged; SQL errors are already wrapped.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        finish();
        client.release(broken);
      }
    },
    connectionString() {
      return Promise.resolve(url);
    },
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}

/** Check the URL before handing it to `pg`, whose parser accepts nearly anything. */
function parsePostgresUrl(url: string): ErrorContext {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw messages.error(
      'CONFIG',
      'errors.urlInvalid',
      {},
      { cause, hint: messages.text('errors.urlHint') },
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw messages.error(
      'CONFIG',
      'errors.urlScheme',
      { url: redactUrl(url) },
      { hint: messages.text('errors.urlHint') },
    );
  }
  const password = parsed.password;
  const secrets = password ? [password, decodeURIComponent(password)] : [];
  return { target: redactUrl(url), secrets };
}

/** Clients that already carry our `error` listener. */
const listening = new WeakSet<PoolClient>();

/**
 * Check out a client for COPY or a transaction. The pool only listens for `error` on idle
 * clients: a checked-out one whose server dies would emit an unhandled `error` and crash the
 * process. Ours swallows the event; the query in flight (or the next one) fails with the
 * error instead, which `wrap` turns into UNAVAILABLE.
 */
async function connect(pool: Pool, context: ErrorContext): Promise<PoolClient> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toDatabaseError(error, context);
  }
  if (!listening.has(client)) {
    listening.add(client);
    client.on('error', () => {});
  }
  return client;
}

function toResult<R>(result: PgQueryResult | PgQueryResult[]): QueryResult<R> {
  // Several statements in one text give one result each; the last one is the answer.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  const rows = (last?.rows ?? []) as R[];
  return { rows, rowCount: last?.rowCount ?? rows.length };
}

async function copyInto(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  chunkBytes: number,
): Promise<number> {
  const { from } = await import('pg-copy-streams');
  const sql = copyStatement(table, columns, 'STDIN');
  const stream = client.query(from(sql));
  let sent = 0;
  async function* bytes() {
    for await (const chunk of toCsvBuffers(rows, columns.length, chunkBytes)) {
      sent += chunk.rows;
      yield chunk.bytes;
    }
  }
  // pipeline waits for the server's CommandComplete and applies backpressure: the next
  // chunk is built only when the socket has room for it.
  await pipeline(Readable.from(bytes(), { objectMode: false }), stream);
  return stream.rowCount || sent;
}

/** A transaction on one pooled client; `finish()` makes later use of it an error. */
function createTransaction(
  client: PoolClient,
  chunkBytes: number,
  wrap: (error: unknown) => ToolbeltError,
): { tx: Transaction; finish: () => void } {
  return createGuardedTransaction(
    {
      query: async <R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
        toResult<R>(await client.query(sql, params?.map(toParam))),
      copyFrom: (table, columns, rows) => copyInto(client, table, columns, rows, chunkBytes),
    },
    wrap,
  );
}
