import type { ErrorCode, MessageKey, Texts, ToolbeltError } from '@toolbelt/errors';
import { exitCodes } from '@toolbelt/errors';
import { prefetch } from '@toolbelt/etl';
import type { Language } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import type { BlobStore } from './blob-store.js';
import {
  createBatchWriter,
  readBatches,
  type BatchSummary,
  type BatchWriter,
  type Row,
} from './batches.js';
import { historyStatuses, logTypes, updateMethods, type ConnectorKind } from './codes.js';
import { toDestinationRow } from './columns.js';
import type { Credentials } from './credentials.js';
import type { JobDetails, JobStore } from './job.js';
import type { Env } from './env.js';
import { messages, type en } from './i18n/index.js';
import type { TimeWindow } from './selection.js';

/**
 * Ends a connector run from inside `run()`: thrown by `logErr`, `logUnhandled` and
 * `exitNoFail`, caught by the runner. Do not catch it in connector code (rethrow it).
 */
export class ConnectorStop extends Error {
  override readonly name = 'ConnectorStop';
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: ErrorCode | 'OK',
  ) {
    super(message);
  }
}

/** What a dry run saw: rows that would be loaded and a few of them. */
export interface DryRunReport {
  rows: number;
  batches: number;
  bytes: number;
  sample: Row[];
}

/** Where a stage reports how far it is; each call adds to the counts. */
export interface ConnectorProgress {
  rows(count: number): void;
  batches(count: number): void;
}

/** Rows are reported in steps of this many, not one call per row. */
const PROGRESS_STEP = 1000;

/** Everything the runner hands a connector. */
export interface ConnectorContext {
  kind: ConnectorKind;
  connectorId: string;
  job: JobDetails;
  historyId: number;
  credentials: Credentials;
  env: Env;
  store: BlobStore;
  jobs: JobStore;
  /** Console and log file (secrets redacted). */
  logger: Logger;
  lang: Language;
  /** The job's start/end selection on its filter column. */
  window: TimeWindow;
  dryRun: boolean;
  batchLimits: { maxBytes?: number; maxRows?: number };
  /** Told as rows move and batches are written or loaded (a progress bar on a terminal). */
  progress?: ConnectorProgress;
  /** Secret values redacted from log rows as well as from the console. */
  redact: (text: string) => string;
}

/** Base of every connector: life cycle helpers, job details, credentials, logging. */
export abstract class Connector {
  /** Registry id (`connector_id` in connectors.yaml). */
  static connectorId: string;
  /** Name used in messages (`Successfully ran {name} connector.`); default the id. */
  static displayName?: string;

  readonly job: JobDetails;
  readonly credentials: Credentials;
  readonly historyId: number;
  readonly env: Env;
  /** Destination columns: every `column` of the mapping. */
  readonly destinationColumns: string[];
  /** Source columns: distinct non-empty `mapped` values, in order. */
  readonly sourceColumns: string[];
  /** The job's selection window on `job.filterColumn`. */
  readonly window: TimeWindow;
  /** True for `--dry-run`: read, count, write nothing. */
  readonly dryRun: boolean;
  /** Rows moved so far (uploaded by a source, loaded by a destination). */
  rowCount = 0;
  protected readonly context: ConnectorContext;

  constructor(context: ConnectorContext) {
    this.context = context;
    this.job = context.job;
    this.credentials = context.credentials;
    this.historyId = context.historyId;
    this.env = context.env;
    this.window = context.window;
    this.dryRun = context.dryRun;
    this.destinationColumns = context.job.mapping.map((m) => m.column);
    const seen = new Set<string>();
    for (const m of context.job.mapping) if (m.mapped && m.mapped.trim() !== '') seen.add(m.mapped);
    this.sourceColumns = [...seen];
  }

  /** This stage's object (a file, URL or table) and options. */
  get object(): string {
    return this.context.kind === 'source' ? this.job.source.object : this.job.destination.object;
  }
  get options(): Record<string, unknown> {
    return this.context.kind === 'source' ? this.job.source.options : this.job.destination.options;
  }
  get name(): string {
    const ctor = this.constructor as typeof Connector;
    return ctor.displayName ?? ctor.connectorId;
  }

  /** The connector's code. Every connector overrides it. */
  async run(): Promise<void> {
    await this.logErr(messages.error('INTERNAL', 'errors.runNotOverridden', { name: this.name }));
  }

  /** Optional reachability check for `connector-template check` (open the file, call the API...). */
  async check(): Promise<void> {}

  /**
   * Log an info message: printed and stored as a log row (type 1). Given the texts of a
   * catalog (`messages.text(...)`), the row is English and the console in the run's language.
   */
  async logInfo(message: string | Texts): Promise<void> {
    if (typeof message === 'string') await this.writeLog(logTypes.info, message, true);
    else await this.writeLog(logTypes.info, message.en, true, message[this.context.lang]);
  }

  /**
   * Log an error (type 2), mark the history Failed and stop the job with a non-zero exit. An
   * error made by a catalog (`messages.error(...)`) stops with its own code: its row is in
   * English, the console line in the user's language.
   */
  async logErr(message: string | ToolbeltError, code: ErrorCode = 'DATA'): Promise<never> {
    const error = typeof message === 'string' ? undefined : message;
    const text = error?.message ?? (message as string);
    await this.writeLog(logTypes.error, text, true, error?.localized(this.context.lang).message);
    await this.markFailed();
    const stopCode = error?.code ?? code;
    throw new ConnectorStop(this.context.redact(text), exitCodes[stopCode], stopCode);
  }

  /**
   * Log an unexpected problem: the details in an internal-only row (and the log file), then
   * the generic external message; mark Failed; stop with INTERNAL.
   */
  async logUnhandled(message: string): Promise<never> {
    await this.writeLog(logTypes.error, message, false);
    const external = this.text('log.unhandledExternal');
    await this.writeLog(logTypes.error, external, true);
    await this.markFailed();
    throw new ConnectorStop(external, exitCodes.INTERNAL, 'INTERNAL');
  }

  /** Log an info message and end the job successfully (exit 0), e.g. nothing to load. */
  async exitNoFail(message: string): Promise<never> {
    await this.writeLog(logTypes.info, message, true);
    if (!this.dryRun)
      await this.context.jobs.updateHistory(this.historyId, {
        status: historyStatuses.finished,
        rowCount: this.rowCount,
      });
    throw new ConnectorStop(message, 0, 'OK');
  }

  /** A message of the SDK catalog, in English (the language of log rows). */
  protected text(key: MessageKey<typeof en>, params: Record<string, unknown> = {}): string {
    return messages.format('en', key, params);
  }

  /** Prints `shown` (default the message) on the console and stores the message as a row. */
  protected async writeLog(
    type: 1 | 2,
    message: string,
    external: boolean,
    shown = message,
  ): Promise<void> {
    const text = this.context.redact(message);
    const { logger } = this.context;
    // The row keeps the text as is; the console adds its own line end.
    const line = this.context.redact(shown).replace(/\n$/, '');
    if (!external) logger.debug(`[internal] ${line}`);
    else if (type === logTypes.error) logger.error(line);
    else logger.info(line);
    if (this.dryRun) return;
    await this.context.jobs.insertLog({
      jobId: this.job.id,
      historyId: this.historyId,
      connector: this.context.connectorId,
      type,
      text,
      external,
    });
  }

  protected async markFailed(): Promise<void> {
    if (!this.dryRun)
      await this.context.jobs.updateHistory(this.historyId, {
        status: historyStatuses.failed,
        rowCount: this.rowCount,
      });
  }
}

/** A source: reads its system and calls `uploadRows` with rows keyed by source columns. */
export abstract class SourceConnector extends Connector {
  private writer: BatchWriter | undefined;
  private summary: BatchSummary | undefined;
  private readonly sample: Row[] = [];

  /**
   * Writes rows as batches `etlJobHistory/e{history}-b{n}.json` (a new object above 5 MiB
   * or the row limit), counting `rowCount`. Can be called several times. An upload that
   * brings no rows at all finishes the job with `No rows were returned from source. Finished job.`
   */
  async uploadRows(rows: Iterable<Row> | AsyncIterable<Row>): Promise<number> {
    this.writer ??= createBatchWriter({
      store: this.context.store,
      historyId: this.historyId,
      dryRun: this.dryRun,
      ...this.context.batchLimits,
      onBatch: async ({ key, rows: n }) => {
        this.context.progress?.batches(1);
        if (!this.dryRun) await this.logInfo(messages.text('log.uploaded', { key, rows: n }));
      },
    });
    const progress = this.context.progress;
    let unreported = 0;
    const report = (): void => {
      if (unreported > 0) progress?.rows(unreported);
      unreported = 0;
    };
    let added = 0;
    const add = async (row: Row): Promise<void> => {
      const writing = (this.writer as BatchWriter).add(row);
      if (writing) await writing;
      if (this.dryRun && this.sample.length < 5) this.sample.push(row);
      added += 1;
      this.rowCount += 1;
      if (progress && ++unreported === PROGRESS_STEP) report();
    };
    // Arrays (the usual page or chunk) without an await per row.
    if (Array.isArray(rows)) {
      for (const row of rows as Row[]) {
        const writing = this.writer.add(row);
        if (writing) await writing;
        if (this.dryRun && this.sample.length < 5) this.sample.push(row);
        added += 1;
        this.rowCount += 1;
        if (progress && ++unreported === PROGRESS_STEP) report();
      }
    } else {
      for await (const row of rows) await add(row);
    }
    report();
    if (this.rowCount === 0) await this.exitNoFail(this.text('log.noRows'));
    return added;
  }

  /** Called by the runner after `run()`: writes the last batch. */
  async finishUpload(): Promise<BatchSummary> {
    this.summary ??= this.writer
      ? await this.writer.close()
      : { rows: 0, batches: 0, bytes: 0, keys: [] };
    return this.summary;
  }

  /** Rows seen by a dry run (the first five). */
  get dryRunSample(): Row[] {
    return [...this.sample];
  }
}

/** A destination: `run()` calls `runBatches()`, which calls `batch(rows)` per object. */
export abstract class DestinationConnector extends Connector {
  private batchesLoaded = 0;

  /**
   * Loads one batch. Rows are keyed by destination columns (the mapping applied).
   * Returns the rows written (default: all of them).
   */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async batch(rows: Row[]): Promise<number | void> {
    await this.logErr(messages.error('INTERNAL', 'errors.runNotOverridden', { name: this.name }));
  }

  /** Empties the destination object before the first batch of a Replace job. */
  async clear(): Promise<void> {
    await this.logErr(messages.error('CONFIG', 'errors.replaceNotSupported', { name: this.name }));
  }

  /** Lists `etlJobHistory/e{history}` and calls `batch(rows)` once per object, in order. */
  async runBatches(): Promise<number> {
    // The next object is read and parsed while the current one loads.
    for await (const { key, rows } of prefetch(
      readBatches(this.context.store, this.historyId),
      1,
    )) {
      if (this.batchesLoaded === 0 && this.job.updateMethod === updateMethods.replace) {
        await this.logInfo(messages.text('log.replacing', { object: this.object }));
        await this.clear();
      }
      await this.logInfo(messages.text('log.loadingBatch', { key }));
      const mapped = rows.map((row) => toDestinationRow(this.job.mapping, row));
      const written = await this.batch(mapped);
      const loaded = typeof written === 'number' ? written : mapped.length;
      this.rowCount += loaded;
      this.batchesLoaded += 1;
      this.context.progress?.rows(loaded);
      this.context.progress?.batches(1);
    }
    return this.rowCount;
  }

  get batchCount(): number {
    return this.batchesLoaded;
  }
}

/** A connector class, as the runner and the registry see it. */
export type ConnectorClass<C extends Connector = Connector> = (new (
  context: ConnectorContext,
) => C) & {
  connectorId: string;
  displayName?: string;
};
