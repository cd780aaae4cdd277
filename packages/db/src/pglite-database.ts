import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { PGlite, Results, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { ToolbeltError } from '@toolbelt/errors';
import { copyStatement, toCsvChunks } from './copy-csv.js';
import type { Database, QueryResult, Transaction } from './database.js';
import { toDatabaseError, type ErrorContext } from './database-error.js';
import { parseDate, parseInt8, parseTimestamp, toParam, typeOids } from './value-types.js';
import { createGuardedTransaction } from './savepoint.js';
import { copyTemplateIfNew } from './pglite-template.js';
import { messages } from './i18n/index.js';

/** Data folder value for a database that lives in memory only (tests). */
export const inMemory = 'memory://';

/** Options of the PGlite adapter. */
export interface PgliteDatabaseOptions {
  /**
   * Characters of CSV per COPY statement (default 4 MiB). PGlite takes COPY data as one blob,
   * so a load is split into COPYs of this size inside one transaction; memory use is about
   * a few times this.
   */
  copyChunkBytes?: number;
  /** PostgreSQL `shared_buffers` (default `8MB`; PGlite's own default of 128MB adds ~150 MB to a CLI run). */
  sharedBuffers?: string;
}

/**
 * PGlite's WebAssembly module compiled by V8's baseline compiler only, lazily: the optimising
 * tier costs memory and CPU at every start (measured opening a folder: 159 MB / 614 ms CPU ->
 * 123 MB / 354 ms CPU) for no gain on our short statements. Set once, before the first PGlite
 * module is compiled; it applies to every WebAssembly module of this process.
 */
let baselineOnly = false;
function useBaselineWasmCompiler(): void {
  if (baselineOnly) return;
  baselineOnly = true;
  setFlagsFromString('--liftoff-only');
  // Compile each function on its first call: PostgreSQL's startup touches a fraction of them.
  setFlagsFromString('--wasm-lazy-compilation');
}

/**
 * The `Database` port on embedded PGlite (PostgreSQL compiled to WebAssembly), stored in
 * `dataDir` (created with its parents) or in memory with `'memory://'`.
 *
 * Creating a data folder runs initdb: seconds and several hundred MB of memory, once.
 * Opening an existing folder only starts the server.
 */
export async function createPgliteDatabase(
  dataDir: string,
  options: PgliteDatabaseOptions = {},
): Promise<Database> {
  const memory = dataDir.startsWith(inMemory);
  const location = memory ? dataDir : resolve(dataDir);
  const context: ErrorContext = { target: memory ? 'pglite (in memory)' : `pglite ${location}` };
  const wrap = (error: unknown) => toDatabaseError(error, context);

  let pglite: PGlite;
  try {
    if (!memory) {
      await mkdir(location, { recursive: true, mode: 0o700 });
      await copyTemplateIfNew(location);
    }
    useBaselineWasmCompiler();
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create(location, {
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${options.sharedBuffers ?? '8MB'}`,
      ],
      // Same values as the PostgreSQL adapter (see value-types.ts); PGlite derives the
      // array parsers from these.
      parsers: {
        [typeOids.int8]: parseInt8,
        [typeOids.date]: parseDate,
        [typeOids.timestamp]: parseTimestamp,
      },
    });
  } catch (error) {
    throw messages.error(
      'UNAVAILABLE',
      'errors.embeddedOpen',
      { dataDir: location, message: (error as Error).message },
      { cause: error, hint: messages.text('errors.embeddedOpenHint') },
    );
  }

  const chunkBytes = options.copyChunkBytes ?? 4 * 1024 * 1024;
  let closed: Promise<void> | undefined;

  const database: Database = {
    kind: 'pglite',
    async query<R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      try {
        return await runQuery<R>(pglite, sql, params);
      } catch (error) {
        throw wrap(error);
      }
    },
    copyFrom(table, columns, rows) {
      // Several COPY statements: one transaction keeps the load all-or-nothing.
      return database.transaction((tx) => tx.copyFrom(table, columns, rows));
    },
    async transaction(fn) {
      try {
        return await pglite.transaction((ptx) => {
          const { tx, finish } = createTransaction(ptx, chunkBytes, wrap);
          return fn(tx).finally(finish);
        });
      } catch (error) {
        // The caller's own error goes through unchanged; SQL errors are already wrapped.
        throw isPgliteError(error) ? wrap(error) : error;
      }
    },
    connectionString: () => Promise.reject(noConnectionString()),
    close() {
      closed ??= pglite.close();
      return closed;
    },
  };
  return database;
}

/**
 * The embedded database has no network socket: PGlite has one session, which a socket server
 * shared by several clients would interleave (electric-sql/pglite#1046), and it had no
 * password. Other processes reach an embedded folder through its owner (see `embedded.ts`).
 */
export function noConnectionString(): ToolbeltError {
  return messages.error('USAGE', 'errors.noConnectionString');
}

/** PGlite errors carry a SQLSTATE `code`; anything else came from the caller. */
function isPgliteError(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

type Runner = Pick<PgliteTransaction, 'query' | 'exec'>;

async function runQuery<R>(
  runner: Runner,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<R>> {
  if (!params || params.length === 0) {
    // The simple protocol, as `pg` uses without parameters: several statements allowed.
    const results = await runner.exec(sql);
    return toResult<R>(results[results.length - 1]);
  }
  return toResult<R>(await runner.query<R>(sql, params.map(toParam)));
}

function toResult<R>(result: Results<unknown> | undefined): QueryResult<R> {
  const rows = (result?.rows ?? []) as R[];
  // SELECT reports no affected rows; DML reports them (as `pg`'s rowCount does).
  const rowCount = result?.affectedRows || rows.length;
  return { rows, rowCount };
}

function createTransaction(
  ptx: PgliteTransaction,
  chunkBytes: number,
  wrap: (error: unknown) => ToolbeltError,
): { tx: Transaction; finish: () => void } {
  return createGuardedTransaction(
    {
      query: <R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
        runQuery<R>(ptx, sql, params),
      async copyFrom(table, columns, rows) {
        const sql = copyStatement(table, columns, "'/dev/blob'");
        let loaded = 0;
        for await (const chunk of toCsvChunks(rows, columns.length, chunkBytes)) {
          const result = await ptx.query(sql, [], { blob: new Blob([chunk.text]) });
          loaded += result.affectedRows ?? chunk.rows;
        }
        return loaded;
      },
    },
    wrap,
  );
}
