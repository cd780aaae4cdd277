import { checkRecord, type ActivityRow, type Defect, type Rejection } from './activity.js';

/** Counts of a day's records as they are read. */
export interface RowTally {
  read: number;
  accepted: number;
  corrupt: number;
  /** Accepted records with at least one defect. */
  withDefects: number;
}

/** Told about records as they are checked (the log) and batches as they arrive (progress). */
export interface RowHooks {
  /** A corrupt record (not loaded); `line` is its position in the response, from 1. */
  corrupt(line: number, rejection: Rejection): void;
  /** An accepted record with defects (still loaded). */
  defects(line: number, defects: readonly Defect[]): void;
  /** A batch of `size` records arrived. */
  batch(size: number): void;
  /** The batches failed (the source broke off, or is not JSON); the error is rethrown too. */
  sourceFailed(error: unknown): void;
}

/** A fresh tally. */
export function emptyTally(): RowTally {
  return { read: 0, accepted: 0, corrupt: 0, withDefects: 0 };
}

/**
 * The accepted rows of a response read as batches of records; counts into `tally` and tells
 * `hooks` as it goes (nothing is kept).
 *
 * Not an async generator: that costs a promise and several microtask turns per row, ~0.5 s a
 * million rows here. Within a batch `next()` returns the result itself, which `for await` (the
 * way every `copyFrom` and the dry run read rows) awaits like a resolved promise; only the
 * step to the next batch is asynchronous.
 */
export function validRows(
  batches: AsyncIterable<readonly unknown[]>,
  tally: RowTally,
  hooks: RowHooks,
): AsyncIterable<ActivityRow> {
  const done: IteratorResult<ActivityRow> = { done: true, value: undefined };
  const fail = (error: unknown): never => {
    hooks.sourceFailed(error);
    throw error;
  };
  return {
    [Symbol.asyncIterator]() {
      const source = batches[Symbol.asyncIterator]();
      let batch: readonly unknown[] = [];
      let index = 0;
      let finished = false;
      /** The next accepted row of the current batch, or undefined at its end. */
      const fromBatch = (): IteratorResult<ActivityRow> | undefined => {
        while (index < batch.length) {
          const record = batch[index++];
          const line = ++tally.read;
          const check = checkRecord(record);
          if (!check.accepted) {
            tally.corrupt++;
            hooks.corrupt(line, check);
            continue;
          }
          tally.accepted++;
          if (check.defects.length > 0) {
            tally.withDefects++;
            hooks.defects(line, check.defects);
          }
          return { done: false, value: check.row };
        }
        return undefined;
      };
      const next = (): IteratorResult<ActivityRow> | Promise<IteratorResult<ActivityRow>> => {
        const row = fromBatch();
        if (row) return row;
        if (finished) return done;
        return source.next().then((step) => {
          if (step.done) {
            finished = true;
            return done;
          }
          batch = step.value;
          index = 0;
          hooks.batch(batch.length);
          return next();
        }, fail);
      };
      return {
        // Synchronous results within a batch, on purpose (see above).
        next: next as () => Promise<IteratorResult<ActivityRow>>,
        async return() {
          finished = true;
          await source.return?.();
          return done;
        },
      };
    },
  };
}
