export { Connector, ConnectorStop, DestinationConnector, SourceConnector } from './connector.js';
export type {
  ConnectorClass,
  ConnectorContext,
  ConnectorProgress,
  DryRunReport,
} from './connector.js';
export { checkConnector, runConnector } from './runner.js';
export type {
  CheckConnectorOptions,
  CheckItem,
  ConnectorOutcome,
  RunConnectorOptions,
} from './runner.js';
export {
  connectorKinds,
  historyStatuses,
  historyStatusNames,
  logTypes,
  selections,
  updateMethods,
} from './codes.js';
export type { ConnectorKind, HistoryStatus, LogType, Selection, UpdateMethod } from './codes.js';
export { messages as connectorMessages } from './i18n/index.js';
export {
  destinationColumnsOf,
  sourceColumnsOf,
  toDestinationRow,
  validateMapping,
} from './columns.js';
export type { ColumnMapping } from './columns.js';
export { computeSelectionWindow, isInWindow } from './selection.js';
export type { SelectionSpec, TimeWindow } from './selection.js';
export { decryptCredentials, encryptCredentials } from './credentials.js';
export type { Credentials } from './credentials.js';
export { parseRegistry, readRegistry } from './registry.js';
export type { Registry, RegistryEntry } from './registry.js';
export { baseEnvVariables, findMissingEnv, requireEnv } from './env.js';
export type { Env } from './env.js';
export { assertValidKey } from './blob-store.js';
export type { BlobStore } from './blob-store.js';
export { createLocalBlobStore } from './local-blob-store.js';
export type { LocalBlobStoreOptions } from './local-blob-store.js';
export { createS3BlobStore } from './s3-blob-store.js';
export type { S3BlobStoreOptions } from './s3-blob-store.js';
export { createBlobStoreFromEnv } from './blob-store-from-env.js';
export {
  DEFAULT_MAX_BATCH_BYTES,
  DEFAULT_MAX_BATCH_ROWS,
  batchKey,
  batchNumberOf,
  batchPrefix,
  createBatchWriter,
  readBatches,
  sortBatchKeys,
} from './batches.js';
export type { BatchSummary, BatchWriter, BatchWriterOptions, Row } from './batches.js';
export type {
  HistoryRow,
  JobDetails,
  JobEnd,
  JobStore,
  JobSummary,
  LogRow,
  NewJob,
} from './job.js';
export { connectorMigrations, createSqlJobStore } from './sql-job-store.js';
export { createMemoryJobStore } from './memory-job-store.js';
export { toNewJob, validateJobDefinition } from './job-definition.js';
export type { JobDefinition, JobEndDefinition } from './job-definition.js';
export { currentHistoryOwner, isHistoryOwnerGone } from './history-owner.js';
export { readCsv } from './csv-reader.js';
export type { CsvReadOptions } from './csv-reader.js';
