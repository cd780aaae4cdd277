export { etl } from './etl.js';
export type { EtlOptions } from './etl.js';
export { Pipeline, pipe } from './pipeline.js';
export type { PagedSource, PipelineOptions, Sink } from './pipeline.js';
export { createChunkedSink } from './chunked-sink.js';
export type { ChunkedSinkOptions } from './chunked-sink.js';
export { createPagedHttpSource } from './paged-http-source.js';
export type { PagedHttpSource, PagedHttpSourceOptions } from './paged-http-source.js';
export { prefetch } from './prefetch.js';
// What sinks and sources throw to be retried, and their retry options (the helper itself: `@toolbelt/etl/retry`).
export { RetryableError } from './retry.js';
export type { RetryOptions } from './retry.js';
export { EtlError } from './etl-error.js';
export type * from './types.js';
