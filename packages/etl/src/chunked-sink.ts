import type { Sink } from './pipeline.js';
import { withRetry, type RetryOptions } from './retry.js';

/** Options of `createChunkedSink`. */
export interface ChunkedSinkOptions<T> {
  /** Records per write (default 50, the original's bulk PUT size). */
  size?: number;
  /**
   * Writes one chunk (a bulk PUT, a COPY, an object). Returns how many records were written
   * (default: the whole chunk). Throw `RetryableError` for failures worth retrying.
   */
  write(chunk: T[], info: { index: number; position: number }): Promise<number | void>;
  /** Back-off for `RetryableError`s (default 3 retries). */
  retry?: RetryOptions;
}

/**
 * A bulk sink: groups records into chunks of `size` and writes each chunk with retries.
 * A chunk that still fails ends the run (`stop`) or is counted as failed and reported
 * (`skip`), with the source position of its first record.
 */
export function createChunkedSink<T>(options: ChunkedSinkOptions<T>): Sink<T> {
  const size = options.size ?? 50;
  return async (records, context) => {
    let index = 0;
    for await (const chunk of records.chunks(size)) {
      const position = records.position;
      try {
        const written = await withRetry(
          () => options.write(chunk, { index, position }),
          options.retry,
        );
        context.wrote(typeof written === 'number' ? written : chunk.length);
      } catch (error) {
        context.fail(error, chunk.length, position);
      }
      index += 1;
    }
  };
}
