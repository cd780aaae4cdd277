/** What happens when a filter, a transform or the sink throws. */
export type ErrorPolicy = 'stop' | 'skip';

/** Where in the pipeline a record failed. */
export type EtlStage = 'source' | 'filter' | 'transform' | 'sink';

/** One failed record (or chunk of records, for the sink), reported under the `skip` policy. */
export interface EtlFailure {
  stage: EtlStage;
  /** 1-based ordinal of the record in the source (first record of the chunk for the sink). */
  position: number;
  /** Number of records this failure accounts for (a failed sink chunk counts all of its records). */
  count: number;
  /** Index of the filter or transform that threw. */
  index?: number;
  message: string;
}

/** Counts returned by every run. */
export interface EtlCounts {
  /** Records read from the source. */
  read: number;
  /** Records rejected by a filter. */
  filteredOut: number;
  /** Records a transform turned into null/undefined. */
  dropped: number;
  /** Records the sink reported as written. */
  written: number;
  /** Records that failed (skip policy) in a filter, a transform or the sink. */
  failed: number;
  durationMs: number;
}

/** Counts plus the failures kept for the report (the first `maxReportedFailures`). */
export interface EtlResult extends EtlCounts {
  failures: EtlFailure[];
}

/** A filter: the record passes when it returns true. Gets its own params only. */
export type Filter<T, P = unknown> = (record: T, params: P) => boolean | Promise<boolean>;

/** A transform: returns the new record, or null/undefined to drop it. */
export type Transform<T, U = T, P = unknown> = (
  record: T,
  params: P,
) => U | null | undefined | Promise<U | null | undefined>;

/** What the sink receives: the surviving records, one by one or in chunks. */
export interface RecordStream<T> extends AsyncIterable<T> {
  /**
   * The same records in arrays of at most `size` (cheaper than one await per record).
   * Iterate either the stream or its chunks, once.
   */
  chunks(size: number): AsyncIterable<T[]>;
  /** 1-based source position of the most recently handed-out record. */
  readonly position: number;
}

/** Lets a sink report failures under the `skip` policy. */
export interface SinkContext {
  readonly errorPolicy: ErrorPolicy;
  /** Count `count` records as failed (sink stage), starting at source position `position`. */
  fail(error: unknown, count: number, position: number): void;
  /** Count `count` records as written (kept if the sink later throws). */
  wrote(count: number): void;
}

/** What a sink may return: the number written, or counts. */
export type SinkResult = number | { written: number } | void;

/** A source: records lazily, synchronously or asynchronously. */
export type Source<T> = AsyncIterable<T> | Iterable<T>;
