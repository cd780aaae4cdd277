import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isToolbeltError } from '@toolbelt/errors';
import type { Lock, LockHolder } from '@toolbelt/lock';
import type { Database } from './database.js';
import type { OwnerChannel, OwnerClient, OwnerHandler } from './owner-channel.js';
import { createPgliteDatabase, inMemory, type PgliteDatabaseOptions } from './pglite-database.js';

/**
 * How a process opens an embedded data folder. The rule: one process (the owner) has the
 * folder open at a time, holding the lock file `owner.lock` in it (pid, command, start time;
 * a lock left by a dead process is taken over). Another process waits for the lock, or, when
 * the owner shares the folder (`share`), sends its queries and calls through the owner.
 */
export interface EmbeddedOptions {
  /** Who we are, shown to a process that waits, e.g. `learning-etl run`. */
  command?: string;
  /** false: fail at once with TEMPFAIL (exit 75) naming the holder. Default true. */
  wait?: boolean;
  /** Give up waiting after this long (TEMPFAIL). Default: wait as long as it takes. */
  timeoutMs?: number;
  /** Called once when another process holds the folder and we start waiting. */
  onWait?: (holder: LockHolder, dataDir: string) => void;
  /** Abort the wait (Ctrl-C). */
  signal?: AbortSignal;
  /**
   * Serve the folder to other processes while we own it (a Unix socket, see owner-channel),
   * and when another process owns and serves it, work through that process instead of waiting.
   */
  share?: boolean;
  pglite?: PgliteDatabaseOptions;
}

/** An embedded database, opened as its owner or as a client of the owner. */
export interface EmbeddedDatabase extends Database {
  readonly kind: 'pglite';
  /** `owner`: this process has the folder open; `client`: another one does, we go through it. */
  readonly role: 'owner' | 'client';
  /** The folder (absolute), or `memory://`. */
  readonly dataDir: string;
  /** Owner: answer `call(name, payload)` from clients (and from this process). */
  handle(name: string, handler: OwnerHandler): void;
  /** Run a named request in the owner (this process when we are the owner). */
  call(name: string, payload: unknown): Promise<unknown>;
}

/** True when `dataDir` holds an embedded database (read-only commands check before opening). */
export async function embeddedDatabaseExists(dataDir: string): Promise<boolean> {
  return stat(join(resolve(dataDir), 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

const sharePollMs = 50;
/** How long a holder that does not (yet) serve the folder is given to start serving it. */
const shareGraceMs = 5_000;

/**
 * Open the embedded database in `dataDir` under the one-owner rule (see {@link EmbeddedOptions}).
 * The lock is released by `close()` (after the clients of a shared folder have left), and by
 * the lock package on exit and on SIGINT/SIGTERM.
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  if (dataDir.startsWith(inMemory)) {
    const db = await createPgliteDatabase(dataDir, options.pglite);
    return asOwner(db, dataDir, undefined, undefined);
  }
  const location = resolve(dataDir);
  const { acquireLock } = await import('@toolbelt/lock');
  const { connectOwner } = await import('./owner-channel.js');
  await mkdir(location, { recursive: true, mode: 0o700 });
  const lockFile = join(location, 'owner.lock');
  const command = options.command ?? 'toolbelt';
  const started = Date.now();
  let waitedFor: LockHolder | undefined;

  let lock: Lock;
  for (;;) {
    if (options.share) {
      const client = await connectOwner(location, `pglite ${location}`);
      if (client) return asClient(client, location);
    }
    try {
      lock = await acquireLock(location, { command, wait: false, lockFile });
      break;
    } catch (error) {
      if (!isToolbeltError(error) || error.code !== 'TEMPFAIL') throw error;
      const holder = (error.params as Partial<LockHolder>).pid
        ? (error.params as unknown as LockHolder)
        : undefined;
      if (!options.share) {
        if (options.wait === false) throw error;
        lock = await acquireLock(location, {
          command,
          lockFile,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
          onWait: (h) => options.onWait?.(h, location),
        });
        break;
      }
      // A sharing owner is starting (its socket comes right after its lock): poll both.
      const waited = Date.now() - started;
      if (options.wait === false && waited > shareGraceMs) throw error;
      if (options.timeoutMs !== undefined && waited > options.timeoutMs) throw error;
      if (!waitedFor && holder && waited > 1000) {
        waitedFor = holder;
        options.onWait?.(holder, location);
      }
      if (options.signal?.aborted) throw options.signal.reason;
      await new Promise((r) => setTimeout(r, sharePollMs));
    }
  }

  let db: Database;
  try {
    db = await createPgliteDatabase(location, options.pglite);
  } catch (error) {
    await lock.release();
    throw error;
  }
  let channel: OwnerChannel | undefined;
  if (options.share) {
    const { startOwnerChannel } = await import('./owner-channel.js');
    try {
      channel = await startOwnerChannel(location, db);
    } catch (error) {
      await db.close();
      await lock.release();
      throw error;
    }
  }
  return asOwner(db, location, lock, channel);
}

function asOwner(
  db: Database,
  dataDir: string,
  lock: Lock | undefined,
  channel: OwnerChannel | undefined,
): EmbeddedDatabase {
  const handlers = new Map<string, OwnerHandler>();
  let closed: Promise<void> | undefined;
  return {
    kind: 'pglite',
    role: 'owner',
    dataDir,
    query: (sql, params) => db.query(sql, params),
    copyFrom: (table, columns, rows) => db.copyFrom(table, columns, rows),
    transaction: (fn) => db.transaction(fn),
    connectionString: () => db.connectionString(),
    handle(name, handler) {
      handlers.set(name, handler);
      channel?.handle(name, handler);
    },
    async call(name, payload) {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`No handler "${name}"`);
      return handler(payload);
    },
    close() {
      closed ??= (async () => {
        // Clients of a shared folder finish first; then the database, then the lock.
        try {
          await channel?.close();
          await db.close();
        } finally {
          await lock?.release();
        }
      })();
      return closed;
    },
  };
}

function asClient(client: OwnerClient, dataDir: string): EmbeddedDatabase {
  return {
    kind: 'pglite',
    role: 'client',
    dataDir,
    query: (sql, params) => client.query(sql, params),
    copyFrom: (table, columns, rows) => client.copyFrom(table, columns, rows),
    transaction: (fn) => client.transaction(fn),
    connectionString: () => client.connectionString(),
    handle() {
      // Only the owner answers calls.
    },
    call: (name, payload) => client.call(name, payload),
    close: () => client.close(),
  };
}
