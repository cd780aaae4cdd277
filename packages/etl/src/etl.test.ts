/* eslint-disable @typescript-eslint/require-await -- async sources, stages and sinks without awaits model asynchronous ones on purpose */
import { describe, expect, it } from 'vitest';
import { createChunkedSink } from './chunked-sink.js';
import { EtlError } from './etl-error.js';
import { etl } from './etl.js';
import { pipe } from './pipeline.js';
import { RetryableError } from './retry.js';
import type { RecordStream } from './types.js';

interface User {
  id: number;
  role: string;
}

const usersOf = (n: number): User[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, role: i % 3 === 0 ? 'parent' : 'student' }));

async function collect<T>(records: RecordStream<T>, into: T[]): Promise<number> {
  for await (const r of records) into.push(r);
  return into.length;
}

describe('etl()', () => {
  it('gives filterParams[i] to filters[i] only and transParams[i] to transforms[i]', async () => {
    const seen: { filter: number; params: unknown }[] = [];
    const out: unknown[] = [];
    const result = await etl<User, { id: number; tag: string }>({
      streamIn: (n: number) => usersOf(n),
      streamInParams: 9,
      filters: [
        (u: User, role: string) => {
          seen.push({ filter: 0, params: role });
          return u.role === role;
        },
        (u: User, params: unknown) => {
          seen.push({ filter: 1, params });
          return u.id !== 4;
        },
      ],
      filterParams: ['parent'],
      transforms: [
        (u: User, prefix: string) => ({ id: u.id, tag: `${prefix}${u.id}` }),
        (r: { id: number; tag: string }, suffix: string) =>
          r.id === 7 ? null : { ...r, tag: r.tag + suffix },
      ],
      transParams: ['p', '!'],
      streamOut: (records, params: string) => {
        expect(params).toBe('sink-params');
        return collect(records, out);
      },
      streamOutParams: 'sink-params',
    });
    expect(out).toEqual([{ id: 1, tag: 'p1!' }]);
    expect(seen.filter((s) => s.filter === 0).every((s) => s.params === 'parent')).toBe(true);
    // The second filter has no params: it gets the record alone.
    expect(seen.filter((s) => s.filter === 1).every((s) => s.params === undefined)).toBe(true);
    expect(result).toMatchObject({ read: 9, filteredOut: 7, dropped: 1, written: 1, failed: 0 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('awaits asynchronous filters and transforms', async () => {
    const out: number[] = [];
    const result = await etl<number, number>({
      streamIn: async function* () {
        for (let i = 1; i <= 5; i += 1) yield i;
      },
      filters: [async (n: number) => n % 2 === 1],
      transforms: [async (n: number) => (n === 3 ? undefined : n * 10)],
      streamOut: (records) => collect(records, out),
    });
    expect(out).toEqual([10, 50]);
    expect(result).toMatchObject({ read: 5, filteredOut: 2, dropped: 1, written: 2 });
  });

  it('stops at the failing record with its position under the default policy', async () => {
    const error = await etl<User>({
      streamIn: () => usersOf(10),
      transforms: [
        (u: User) => {
          if (u.id === 6) throw new Error('bad building list');
          return u;
        },
      ],
      streamOut: (records) => collect(records, []),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtlError);
    const etlError = error as EtlError;
    expect(etlError.position).toBe(6);
    expect(etlError.stage).toBe('transform');
    expect(etlError.message).toBe('ETL stopped: transform 0 failed at record 6: bad building list');
    expect(etlError.counts.read).toBe(6);
    expect(etlError.exitCode).toBe(65);
  });

  it('skips and reports failing records under the skip policy', async () => {
    const out: User[] = [];
    const result = await etl<User>({
      streamIn: () => usersOf(10),
      filters: [
        (u: User) => {
          if (u.id === 2) throw new Error('no role');
          return true;
        },
      ],
      transforms: [
        async (u: User) => {
          if (u.id === 5) throw new Error('no buildings');
          return u;
        },
      ],
      streamOut: (records) => collect(records, out),
      errorPolicy: 'skip',
    });
    expect(out.map((u) => u.id)).toEqual([1, 3, 4, 6, 7, 8, 9, 10]);
    expect(result).toMatchObject({ read: 10, failed: 2, written: 8 });
    expect(result.failures).toEqual([
      { stage: 'filter', index: 0, position: 2, count: 1, message: 'no role' },
      { stage: 'transform', index: 0, position: 5, count: 1, message: 'no buildings' },
    ]);
  });

  it('stops with a source error positioned after the last record read', async () => {
    const error = await etl<number>({
      streamIn: async function* () {
        yield 1;
        yield 2;
        throw new Error('connection reset');
      },
      streamOut: (records) => collect(records, []),
      batchSize: 1,
    }).catch((e: unknown) => e as EtlError);
    expect(error).toBeInstanceOf(EtlError);
    expect((error as EtlError).stage).toBe('source');
    expect((error as EtlError).position).toBe(3);
  });
});

describe('createChunkedSink', () => {
  it('writes chunks of 50 and retries retryable failures', async () => {
    const sizes: number[] = [];
    let attempts = 0;
    const result = await pipe(usersOf(120)).into(
      createChunkedSink<User>({
        size: 50,
        retry: { baseDelayMs: 1, sleep: () => Promise.resolve() },
        write: async (chunk, info) => {
          attempts += 1;
          if (info.index === 1 && attempts === 2) throw new RetryableError('503');
          sizes.push(chunk.length);
        },
      }),
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect(attempts).toBe(4);
    expect(result.written).toBe(120);
  });

  it('reports a chunk that keeps failing with its first record position (skip)', async () => {
    const result = await pipe(usersOf(120), { errorPolicy: 'skip' }).into(
      createChunkedSink<User>({
        size: 50,
        retry: { retries: 1, sleep: () => Promise.resolve() },
        write: async (_chunk, info) => {
          if (info.index === 1) throw new RetryableError('still down');
        },
      }),
    );
    expect(result).toMatchObject({ written: 70, failed: 50 });
    expect(result.failures).toEqual([
      { stage: 'sink', position: 51, count: 50, message: 'still down' },
    ]);
  });

  it('stops on a failing chunk under the stop policy, keeping what was written', async () => {
    const error = await pipe(usersOf(120))
      .filter((u) => u.id > 10)
      .into(
        createChunkedSink<User>({
          size: 50,
          write: async (_chunk, info) => {
            if (info.index === 1) throw new Error('HTTP 400');
          },
        }),
      )
      .catch((e: unknown) => e as EtlError);
    expect(error).toBeInstanceOf(EtlError);
    expect((error as EtlError).stage).toBe('sink');
    expect((error as EtlError).position).toBe(61);
    expect((error as EtlError).counts.written).toBe(50);
  });
});

describe('bounded memory', () => {
  it('never reads more than batchSize * (prefetch + 2) records ahead of the sink', async () => {
    let produced = 0;
    function* source(): Generator<number> {
      for (let i = 0; i < 200_000; i += 1) {
        produced += 1;
        yield i;
      }
    }
    let consumed = 0;
    let maxAhead = 0;
    const result = await pipe(source(), { batchSize: 500, prefetch: 2 })
      .map((n) => n * 2)
      .into(async (records) => {
        for await (const chunk of records.chunks(100)) {
          consumed += chunk.length;
          maxAhead = Math.max(maxAhead, produced - consumed);
          // Give the prefetcher every chance to run ahead.
          await new Promise((resolve) => setImmediate(resolve));
        }
        return consumed;
      });
    expect(result.written).toBe(200_000);
    expect(maxAhead).toBeLessThanOrEqual(500 * 4);
    expect(maxAhead).toBeGreaterThan(0);
  });

  it('stops pulling the source when the sink stops early', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 1_000_000; i += 1) {
        produced += 1;
        yield i;
      }
    }
    const result = await pipe(source(), { batchSize: 10, prefetch: 1 }).into(async (records) => {
      let n = 0;
      for await (const _r of records) if (++n === 25) break;
      return n;
    });
    expect(result.written).toBe(25);
    expect(produced).toBeLessThan(100);
  });
});
