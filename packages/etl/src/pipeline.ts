import { EtlError, describeError } from './etl-error.js';
import { prefetch } from './prefetch.js';
import type {
  ErrorPolicy,
  EtlCounts,
  EtlFailure,
  EtlResult,
  EtlStage,
  Filter,
  RecordStream,
  SinkContext,
  SinkResult,
  Source,
  Transform,
} from './types.js';

/** A source that can hand over whole pages (the paged HTTP source does). */
export interface PagedSource<T> {
  pages(): AsyncIterable<T[]>;
}

/** A sink: consumes the surviving records and says how many it wrote. */
export type Sink<T> = (records: RecordStream<T>, context: SinkContext) => Promise<SinkResult>;

/** Options of a pipeline run. */
export interface PipelineOptions {
  /** `stop` (default): the first failing record ends the run with an `EtlError`. `skip`: count, report, go on. */
  errorPolicy?: ErrorPolicy;
  /** Records read from the source per internal batch (default 1000). */
  batchSize?: number;
  /** Source batches (or pages) read ahead while later stages work (default 2). Bounds memory. */
  prefetch?: number;
  /** Failures kept in the result under `skip` (default 100); all are counted. */
  maxReportedFailures?: number;
  /** Stops the run between batches. */
  signal?: AbortSignal;
  /** Clock for `durationMs` (default `performance.now`). */
  now?: () => number;
}

type Step =
  | { kind: 'filter'; index: number; fn: Filter<unknown, unknown>; params: unknown }
  | { kind: 'transform'; index: number; fn: Transform<unknown, unknown, unknown>; params: unknown };

function isPaged<T>(source: unknown): source is PagedSource<T> {
  return typeof (source as PagedSource<T> | undefined)?.pages === 'function';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** Reads any source as arrays, without one await per record for sync sources and pages. */
async function* batchesOf<T>(
  source: Source<T> | PagedSource<T>,
  size: number,
): AsyncGenerator<T[]> {
  if (isPaged<T>(source)) {
    for await (const page of source.pages()) if (page.length > 0) yield page;
    return;
  }
  let batch: T[] = [];
  if (Symbol.iterator in source) {
    for (const record of source as Iterable<T>) {
      batch.push(record);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for await (const record of source) {
      batch.push(record);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

interface Survivors<T> {
  records: T[];
  positions: number[];
}

/**
 * A typed pipeline: `pipe(source).filter(f).map(t).into(sink)`. Records flow source ->
 * filters -> transforms -> sink through async iterables, pulled by the sink, with at most
 * `prefetch` source batches read ahead: memory does not grow with the input.
 */
export class Pipeline<T> {
  private constructor(
    private readonly source: Source<unknown> | PagedSource<unknown>,
    private readonly steps: readonly Step[],
    private readonly options: PipelineOptions,
  ) {}

  static from<T>(source: Source<T> | PagedSource<T>, options: PipelineOptions = {}): Pipeline<T> {
    return new Pipeline<T>(source, [], options);
  }

  /** Keep records for which `fn(record, params)` is true. */
  filter<P = undefined>(fn: Filter<T, P>, params?: P): Pipeline<T> {
    const index = this.steps.filter((s) => s.kind === 'filter').length;
    const step: Step = { kind: 'filter', index, fn: fn as Filter<unknown, unknown>, params };
    return new Pipeline<T>(this.source, [...this.steps, step], this.options);
  }

  /** Replace each record by `fn(record, params)`; null/undefined drops it. */
  map<U, P = undefined>(fn: Transform<T, U, P>, params?: P): Pipeline<U> {
    const index = this.steps.filter((s) => s.kind === 'transform').length;
    const step: Step = {
      kind: 'transform',
      index,
      fn: fn as Transform<unknown, unknown, unknown>,
      params,
    };
    return new Pipeline<U>(this.source, [...this.steps, step], this.options);
  }

  /** Run the pipeline into `sink`; resolves with the counts. */
  async into(sink: Sink<T>): Promise<EtlResult> {
    const { options } = this;
    const now = options.now ?? (() => performance.now());
    const policy: ErrorPolicy = options.errorPolicy ?? 'stop';
    const maxReported = options.maxReportedFailures ?? 100;
    const started = now();
    const counts: EtlCounts = {
      read: 0,
      filteredOut: 0,
      dropped: 0,
      written: 0,
      failed: 0,
      durationMs: 0,
    };
    const failures: EtlFailure[] = [];
    const snapshot = (): EtlCounts => ({ ...counts, durationMs: now() - started });

    const fail = (
      stage: EtlStage,
      error: unknown,
      position: number,
      count: number,
      index?: number,
    ): void => {
      if (policy === 'stop') throw new EtlError(stage, position, error, snapshot(), index);
      counts.failed += count;
      if (failures.length < maxReported) {
        failures.push({
          stage,
          position,
          count,
          index,
          message: describeError(error),
        });
      }
    };

    const steps = this.steps;
    const drop = Symbol('drop');
    // Settles one step's outcome; `drop` when the record is gone.
    const settle = (step: Step, record: unknown, outcome: unknown): unknown => {
      if (step.kind === 'filter') {
        if (outcome === true) return record;
        counts.filteredOut += 1;
        return drop;
      }
      if (outcome === null || outcome === undefined) {
        counts.dropped += 1;
        return drop;
      }
      return outcome;
    };
    // Runs one record through the steps from `from` on. Stays synchronous while every step
    // is: an await per record would cost more than the work itself on large inputs.
    const runSteps = (input: unknown, position: number, from = 0): unknown => {
      let record = input;
      for (let i = from; i < steps.length; i += 1) {
        const step = steps[i] as Step;
        let outcome: unknown;
        try {
          outcome = step.fn(record, step.params);
        } catch (error) {
          fail(step.kind, error, position, 1, step.index);
          return drop;
        }
        if (isThenable(outcome)) {
          return Promise.resolve(outcome).then(
            (value) => {
              const next = settle(step, record, value);
              return next === drop ? drop : runSteps(next, position, i + 1);
            },
            (error: unknown) => {
              fail(step.kind, error, position, 1, step.index);
              return drop;
            },
          );
        }
        record = settle(step, record, outcome);
        if (record === drop) return drop;
      }
      return record;
    };

    const source = this.source;
    const batchSize = options.batchSize ?? 1000;
    const depth = options.prefetch ?? 2;
    async function* survivors(): AsyncGenerator<Survivors<T>> {
      const batches = prefetch(batchesOf(source, batchSize), depth);
      try {
        for (;;) {
          options.signal?.throwIfAborted();
          let next: IteratorResult<unknown[]>;
          try {
            next = await batches.next();
          } catch (error) {
            // The source itself broke (network, file): nothing to skip, the run stops here.
            throw new EtlError('source', counts.read + 1, error, snapshot());
          }
          if (next.done) break;
          const batch = next.value;
          const out: Survivors<T> = { records: [], positions: [] };
          for (const record of batch) {
            counts.read += 1;
            let kept = steps.length === 0 ? record : runSteps(record, counts.read);
            if (isThenable(kept)) kept = await kept;
            if (kept !== drop) {
              out.records.push(kept as T);
              out.positions.push(counts.read);
            }
          }
          if (out.records.length > 0) yield out;
        }
      } finally {
        await batches.return(undefined);
      }
    }

    let position = 0;
    let consumed = false;
    const claim = (): void => {
      if (consumed) throw new Error('A record stream can be iterated once.');
      consumed = true;
    };
    const stream: RecordStream<T> = {
      get position() {
        return position;
      },
      async *[Symbol.asyncIterator]() {
        claim();
        for await (const batch of survivors()) {
          for (let i = 0; i < batch.records.length; i += 1) {
            position = batch.positions[i] as number;
            yield batch.records[i] as T;
          }
        }
      },
      async *chunks(size: number) {
        claim();
        let chunk: T[] = [];
        let firstPosition = 0;
        for await (const batch of survivors()) {
          for (let i = 0; i < batch.records.length; i += 1) {
            if (chunk.length === 0) firstPosition = batch.positions[i] as number;
            chunk.push(batch.records[i] as T);
            if (chunk.length >= size) {
              position = firstPosition;
              yield chunk;
              chunk = [];
            }
          }
        }
        if (chunk.length > 0) {
          position = firstPosition;
          yield chunk;
        }
      },
    };

    let reportedWritten = 0;
    const context: SinkContext = {
      errorPolicy: policy,
      fail: (error, count, at) => fail('sink', error, at, count),
      wrote: (count) => {
        reportedWritten += count;
        counts.written = reportedWritten;
      },
    };
    let result: SinkResult;
    try {
      result = await sink(stream, context);
    } catch (error) {
      if (error instanceof EtlError) throw error;
      // A sink that throws ends the run whatever the policy: it cannot be resumed.
      throw new EtlError('sink', position, error, snapshot());
    }
    if (typeof result === 'number') counts.written = result;
    else if (result && typeof result.written === 'number') counts.written = result.written;
    return { ...snapshot(), failures };
  }
}

/** Starts a typed pipeline over `source`. */
export function pipe<T>(
  source: Source<T> | PagedSource<T>,
  options?: PipelineOptions,
): Pipeline<T> {
  return Pipeline.from(source, options);
}
