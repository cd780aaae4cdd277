import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import {
  fromErrorData,
  isToolbeltError,
  toErrorData,
  type ToolbeltError,
  type ToolbeltErrorData,
} from '@toolbelt/errors';
import type { Database, QueryResult, Transaction } from './database.js';
import { messages } from './i18n/index.js';

/**
 * The channel through which other processes use an embedded data folder while its owner has
 * it open: a Unix domain socket (mode 0600, in the 0700 data folder) and a random key in a
 * 0600 file beside it, which a client must present first. No TCP port, nothing reachable
 * by another local user. Messages are length-prefixed `v8.serialize` frames, so Dates,
 * Uint8Arrays and bigints cross unchanged. The owner runs every request on its own single
 * connection, one after another (PGlite serialises them), so nothing is multiplexed.
 */

/** What a client may ask: SQL, a transaction, a COPY batch, or a named call of the app. */
type Request =
  | { id: number; t: 'hello'; key: string }
  | { id: number; t: 'query'; sql: string; params?: readonly unknown[]; tx?: number }
  | { id: number; t: 'copy'; table: string; columns: string[]; rows: unknown[][]; tx: number }
  | { id: number; t: 'begin' }
  | { id: number; t: 'end'; tx: number; commit: boolean }
  | { id: number; t: 'call'; name: string; payload: unknown };

type Reply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ToolbeltErrorData };

/** A handler of `call(name, payload)` requests in the owner. */
export type OwnerHandler = (payload: unknown) => Promise<unknown>;

/** Unix socket paths are limited to ~107 bytes: long folders get theirs in a 0700 temp folder. */
export function channelPaths(dataDir: string): { socket: string; key: string; dir?: string } {
  const key = join(dataDir, 'owner.key');
  const inFolder = join(dataDir, 'owner.sock');
  if (Buffer.byteLength(inFolder) <= 100) return { socket: inFolder, key };
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `toolbelt-db-${process.getuid?.() ?? 'u'}-${hash}`);
  return { socket: join(dir, 's'), key, dir };
}

/** What the owner failed with, for the client: its own error, texts and all. */
function toReplyError(error: unknown): ToolbeltErrorData {
  if (isToolbeltError(error)) return toErrorData(error);
  const message = error instanceof Error ? error.message : String(error);
  return toErrorData(messages.error('INTERNAL', 'errors.ownerFailed', { message }));
}

function send(socket: Socket, message: unknown): void {
  const body = serialize(message);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  socket.write(Buffer.concat([head, body]));
}

/** Calls `onMessage` for each whole frame that arrives on `socket`. */
function readFrames(socket: Socket, onMessage: (message: unknown) => void): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 4) {
      const size = pending.readUInt32BE(0);
      if (pending.length < 4 + size) break;
      const body = pending.subarray(4, 4 + size);
      pending = pending.subarray(4 + size);
      let message: unknown;
      try {
        message = deserialize(body);
      } catch {
        socket.destroy();
        return;
      }
      onMessage(message);
    }
  });
}

class Rollback extends Error {}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The owner's side: serve `db` to authenticated clients until `close()`. */
export interface OwnerChannel {
  handle(name: string, handler: OwnerHandler): void;
  /** Clients connected now. */
  readonly clients: number;
  /** Stop accepting clients, wait for the connected ones to leave, remove the socket and key. */
  close(): Promise<void>;
}

export async function startOwnerChannel(dataDir: string, db: Database): Promise<OwnerChannel> {
  const paths = channelPaths(dataDir);
  const key = randomBytes(32).toString('hex');
  if (paths.dir) await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  // We hold the folder's lock: a socket or key left here belongs to a dead owner.
  await rm(paths.socket, { force: true });
  await writeFile(paths.key, key, { mode: 0o600 });
  await chmod(paths.key, 0o600);
  const handlers = new Map<string, OwnerHandler>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let authenticated = false;
    const transactions = new Map<
      number,
      { tx: Transaction; end: (commit: boolean) => void; done: Promise<void> }
    >();
    let nextTx = 0;
    // One request at a time per client, in arrival order (a client's transaction is ordered).
    let chain: Promise<void> = Promise.resolve();
    const reply = (message: Reply) => {
      if (!socket.destroyed) send(socket, message);
    };
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      for (const open of transactions.values()) open.end(false);
      transactions.clear();
    });
    readFrames(socket, (raw) => {
      const request = raw as Request;
      if (!authenticated) {
        const expected = Buffer.from(key);
        const given = Buffer.from(request.t === 'hello' ? String(request.key) : '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          reply({
            id: request.id,
            ok: false,
            error: { code: 'AUTH', message: 'Wrong key for this data folder' },
          });
          socket.end();
          return;
        }
        authenticated = true;
        reply({ id: request.id, ok: true, value: process.pid });
        return;
      }
      chain = chain.then(async () => {
        try {
          reply({ id: request.id, ok: true, value: await answer(request) });
        } catch (error) {
          reply({ id: request.id, ok: false, error: toReplyError(error) });
        }
      });
    });

    const txOf = (id: number | undefined) => {
      const open = id === undefined ? undefined : transactions.get(id);
      if (id !== undefined && !open)
        throw messages.error('INTERNAL', 'errors.ownerNoTransaction', { id });
      return open?.tx;
    };
    async function answer(request: Request): Promise<unknown> {
      switch (request.t) {
        case 'query':
          return (txOf(request.tx) ?? db).query(request.sql, request.params);
        case 'copy':
          return txOf(request.tx)!.copyFrom(request.table, request.columns, request.rows);
        case 'begin': {
          const id = ++nextTx;
          let started!: () => void;
          const ready = new Promise<void>((r) => (started = r));
          const done = db
            .transaction(
              (tx) =>
                new Promise<void>((resolve, reject) => {
                  transactions.set(id, {
                    tx,
                    end: (commit) => (commit ? resolve() : reject(new Rollback())),
                    done,
                  });
                  started();
                }),
            )
            .catch((error: unknown) => {
              if (!(error instanceof Rollback)) throw error;
            });
          // A failing BEGIN rejects `done` before the transaction ever starts.
          await Promise.race([ready, done]);
          if (!transactions.has(id)) await done;
          return id;
        }
        case 'end': {
          const open = transactions.get(request.tx);
          if (!open)
            throw messages.error('INTERNAL', 'errors.ownerNoTransaction', { id: request.tx });
          transactions.delete(request.tx);
          open.end(request.commit);
          await open.done;
          return null;
        }
        case 'call': {
          const handler = handlers.get(request.name);
          if (!handler)
            throw messages.error('INTERNAL', 'errors.ownerUnknownCall', { name: request.name });
          return handler(request.payload);
        }
        default:
          throw messages.error('INTERNAL', 'errors.ownerUnknownRequest');
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(paths.socket, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await chmod(paths.socket, 0o600);

  let closing: Promise<void> | undefined;
  return {
    handle: (name, handler) => void handlers.set(name, handler),
    get clients() {
      return sockets.size;
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await rm(paths.key, { force: true });
        await rm(paths.socket, { force: true });
        if (paths.dir) await rm(paths.dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

/** A client's view of a folder that another process owns. */
export interface OwnerClient extends Database {
  /** The owner process. */
  readonly ownerPid: number;
  call(name: string, payload: unknown): Promise<unknown>;
}

/**
 * Connect to the owner of `dataDir`, or undefined when nobody serves it (no key, no socket,
 * or a socket left by a dead owner).
 */
export async function connectOwner(
  dataDir: string,
  target: string,
): Promise<OwnerClient | undefined> {
  const paths = channelPaths(dataDir);
  let key: string;
  try {
    key = await readFile(paths.key, 'utf8');
  } catch {
    return undefined;
  }
  const socket = await new Promise<Socket | undefined>((resolve) => {
    const s = createConnection(paths.socket);
    s.once('connect', () => resolve(s));
    s.once('error', () => resolve(undefined));
  });
  if (!socket) return undefined;

  let nextId = 0;
  let lost: ToolbeltError | undefined;
  const waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  const lostError = () =>
    messages.error(
      'UNAVAILABLE',
      'errors.ownerLost',
      { target },
      { hint: messages.text('errors.ownerLostHint') },
    );
  socket.on('error', () => {});
  socket.on('close', () => {
    lost ??= lostError();
    for (const w of waiting.values()) w.reject(lost);
    waiting.clear();
  });
  readFrames(socket, (raw) => {
    const reply = raw as Reply;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.value);
    else w.reject(fromErrorData(reply.error));
  });
  const request = <T>(message: DistributiveOmit<Request, 'id'>): Promise<T> => {
    if (lost) return Promise.reject(lost);
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      send(socket, { ...message, id });
    });
  };

  let ownerPid: number;
  try {
    ownerPid = await request<number>({ t: 'hello', key });
  } catch {
    // The socket closed (owner going away) or the key was replaced by a new owner meanwhile.
    socket.destroy();
    return undefined;
  }

  const copyBatch = 2000;
  const transaction = async <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> => {
    const { createGuardedTransaction } = await import('./savepoint.js');
    const txId = await request<number>({ t: 'begin' });
    const { tx, finish } = createGuardedTransaction(
      {
        query: <R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
          request<QueryResult<R>>({
            t: 'query',
            sql,
            params: params ? [...params] : undefined,
            tx: txId,
          }),
        async copyFrom(table, columns, rows) {
          let loaded = 0;
          let batch: unknown[][] = [];
          const flush = async () => {
            if (batch.length === 0) return;
            const rowsNow = batch;
            batch = [];
            loaded += await request<number>({
              t: 'copy',
              table,
              columns: [...columns],
              rows: rowsNow,
              tx: txId,
            });
          };
          for await (const row of rows) {
            batch.push([...row]);
            if (batch.length >= copyBatch) await flush();
          }
          await flush();
          return loaded;
        },
      },
      (error) =>
        isToolbeltError(error)
          ? error
          : messages.error('INTERNAL', 'errors.ownerFailed', { message: String(error) }),
    );
    try {
      const result = await fn(tx);
      finish();
      await request({ t: 'end', tx: txId, commit: true });
      return result;
    } catch (error) {
      finish();
      await request({ t: 'end', tx: txId, commit: false }).catch(() => {});
      throw error;
    }
  };

  let closed: Promise<void> | undefined;
  return {
    kind: 'pglite',
    ownerPid,
    query: <R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
      request<QueryResult<R>>({ t: 'query', sql, params: params ? [...params] : undefined }),
    copyFrom: (table, columns, rows) => transaction((tx) => tx.copyFrom(table, columns, rows)),
    transaction,
    call: (name, payload) => request({ t: 'call', name, payload }),
    connectionString: async () => {
      const { noConnectionString } = await import('./pglite-database.js');
      throw noConnectionString();
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (socket.destroyed) resolve();
        else {
          socket.once('close', () => resolve());
          socket.end();
        }
      });
      return closed;
    },
  };
}
