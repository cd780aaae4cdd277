import type { BlobStore } from './blob-store.js';
import { messages } from './i18n/index.js';

/** A row moved between source and destination: column -> JSON value. */
export type Row = Record<string, unknown>;

/** A new object is started before a batch would pass this size (5 MiB, as in the original). */
export const DEFAULT_MAX_BATCH_BYTES = 5 * 1024 * 1024;
/** A new object is started after this many rows. */
export const DEFAULT_MAX_BATCH_ROWS = 100_000;

/** `etlJobHistory/e{history}-b` : the prefix of every batch of one history. */
export function batchPrefix(historyId: number | string): string {
  return `etlJobHistory/e${historyId}-b`;
}

/** `etlJobHistory/e{history}-b{n}.json` */
export function batchKey(historyId: number | string, n: number): string {
  return `${batchPrefix(historyId)}${n}.json`;
}

/** The batch number in a batch key, or undefined for other keys. */
export function batchNumberOf(key: string): number | undefined {
  const match = /-b(\d+)\.json$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** Batch keys in load order: by batch number (b2 before b10), other keys dropped. */
export function sortBatchKeys(keys: readonly string[]): string[] {
  return keys
    .filter((k) => batchNumberOf(k) !== undefined)
    .sort((a, b) => (batchNumberOf(a) as number) - (batchNumberOf(b) as number));
}

/** Options of `createBatchWriter`. */
export interface BatchWriterOptions {
  store: BlobStore;
  historyId: number | string;
  /** Largest object in bytes (default 5 MiB); one row larger than this gets an object alone. */
  maxBytes?: number;
  /** Most rows per object (default 100 000). */
  maxRows?: number;
  /** Count and measure, write nothing (dry run). */
  dryRun?: boolean;
  /** Called after each object is written. */
  onBatch?: (info: { key: string; rows: number; bytes: number }) => void | Promise<void>;
}

/** What a batch writer wrote. */
export interface BatchSummary {
  rows: number;
  batches: number;
  bytes: number;
  keys: string[];
}

/** Accumulates rows and writes them as JSON-array objects, split by bytes and by rows. */
export interface BatchWriter {
  /** Adds a row; returns a promise only when an object is being written (await it then). */
  add(row: Row): Promise<void> | undefined;
  /** Writes the last partial batch; returns the totals. */
  close(): Promise<BatchSummary>;
}

export function createBatchWriter(options: BatchWriterOptions): BatchWriter {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_BATCH_ROWS;
  let parts: string[] = [];
  // `[` + `]` + the commas between rows.
  let pending = 2;
  const summary: BatchSummary = { rows: 0, batches: 0, bytes: 0, keys: [] };

  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const body = `[${parts.join(',')}]`;
    // Numbered from 0, as the original: e{history}-b0.json is the first object.
    const key = batchKey(options.historyId, summary.batches);
    if (!options.dryRun) await options.store.put(key, body);
    summary.batches += 1;
    summary.bytes += pending;
    summary.keys.push(key);
    await options.onBatch?.({ key, rows: parts.length, bytes: pending });
    parts = [];
    pending = 2;
  };

  return {
    add(row) {
      const json = JSON.stringify(row);
      if (json === undefined) throw messages.error('DATA', 'errors.rowNotJson');
      const bytes = Buffer.byteLength(json);
      // Synchronous unless an object is due: one promise per row would cost more than the row.
      if (parts.length > 0 && (pending + bytes + 1 > maxBytes || parts.length >= maxRows)) {
        return flush().then(() => {
          parts.push(json);
          pending += bytes;
          summary.rows += 1;
        });
      }
      pending += bytes + (parts.length > 0 ? 1 : 0);
      parts.push(json);
      summary.rows += 1;
      return undefined;
    },
    async close() {
      await flush();
      return { ...summary, keys: [...summary.keys] };
    },
  };
}

/** Reads one history's batches in order: `{key, rows}` per object, one object in memory at a time. */
export async function* readBatches(
  store: BlobStore,
  historyId: number | string,
): AsyncGenerator<{ key: string; rows: Row[] }> {
  const keys = sortBatchKeys(await store.list(batchPrefix(historyId)));
  for (const key of keys) {
    const bytes = await store.get(key);
    let rows: unknown;
    try {
      rows = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch (error) {
      throw messages.error('DATA', 'errors.batchNotJson', { key }, { cause: error });
    }
    if (!Array.isArray(rows)) throw messages.error('DATA', 'errors.batchNotList', { key });
    yield { key, rows: rows as Row[] };
  }
}
