import { pipe, type PagedSource, type PipelineOptions } from './pipeline.js';
import type {
  EtlResult,
  Filter,
  RecordStream,
  SinkContext,
  SinkResult,
  Source,
  Transform,
} from './types.js';

/** The original job library's single entry point, typed. */
export interface EtlOptions<
  In,
  Out = In,
  SourceParams = unknown,
  SinkParams = unknown,
> extends PipelineOptions {
  /** Yields records lazily (page by page for APIs). */
  streamIn: (
    params: SourceParams,
  ) => Source<In> | PagedSource<In> | Promise<Source<In> | PagedSource<In>>;
  streamInParams?: SourceParams;
  /** A record passes only if every filter returns true. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  filters?: readonly Filter<In, any>[];
  /** `filterParams[i]` goes to `filters[i]` only; a filter without params gets undefined. */
  filterParams?: readonly unknown[];
  /** Run in order on records that passed every filter; null/undefined drops the record. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  transforms?: readonly Transform<any, any, any>[];
  /** `transParams[i]` goes to `transforms[i]` only. */
  transParams?: readonly unknown[];
  /** Consumes the survivors, usually in chunks (`createChunkedSink`). */
  streamOut: (
    records: RecordStream<Out>,
    params: SinkParams,
    context: SinkContext,
  ) => Promise<SinkResult>;
  streamOutParams?: SinkParams;
}

/**
 * `etl({streamIn, streamInParams, filters, filterParams, transforms, transParams, streamOut,
 * streamOutParams})`: source -> filters -> transforms -> sink with bounded memory. Resolves
 * with the counts; under the `stop` policy (default) rejects with an `EtlError` naming the
 * failing record's position.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function etl<In, Out = In, SourceParams = any, SinkParams = any>(
  options: EtlOptions<In, Out, SourceParams, SinkParams>,
): Promise<EtlResult> {
  const source = await options.streamIn(options.streamInParams as SourceParams);
  let pipeline = pipe<unknown>(source as Source<unknown>, options);
  (options.filters ?? []).forEach((filter, i) => {
    pipeline = pipeline.filter(filter as Filter<unknown, unknown>, options.filterParams?.[i]);
  });
  (options.transforms ?? []).forEach((transform, i) => {
    pipeline = pipeline.map(
      transform as Transform<unknown, unknown, unknown>,
      options.transParams?.[i],
    );
  });
  return pipeline.into((records, context) =>
    options.streamOut(records as RecordStream<Out>, options.streamOutParams as SinkParams, context),
  );
}
