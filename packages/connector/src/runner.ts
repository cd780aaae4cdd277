import {
  isToolbeltError,
  toToolbeltError,
  type ErrorCode,
  type MessageKey,
  type ToolbeltError,
} from '@toolbelt/errors';
import type { Language } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import type { BlobStore } from './blob-store.js';
import type { BatchSummary } from './batches.js';
import { historyStatuses, historyStatusNames, logTypes, type ConnectorKind } from './codes.js';
import {
  ConnectorStop,
  DestinationConnector,
  SourceConnector,
  type Connector,
  type ConnectorClass,
  type ConnectorContext,
  type ConnectorProgress,
  type DryRunReport,
} from './connector.js';
import { decryptCredentials, type Credentials } from './credentials.js';
import { baseEnvVariables, findMissingEnv, type Env } from './env.js';
import type { JobDetails, JobStore } from './job.js';
import { currentHistoryOwner, isHistoryOwnerGone } from './history-owner.js';
import { messages, type en as English } from './i18n/index.js';
import type { Registry, RegistryEntry } from './registry.js';
import { computeSelectionWindow } from './selection.js';

/** What the runner needs; `jobs` and `store` are opened only once the environment is complete. */
export interface RunConnectorOptions {
  kind: ConnectorKind;
  connector: ConnectorClass;
  /** Process environment over `.env`. */
  env: Env;
  registry: Registry;
  /** Registry file name, for messages. */
  registryFile?: string;
  jobs: JobStore | (() => Promise<JobStore>);
  store: BlobStore | (() => BlobStore | Promise<BlobStore>);
  logger: Logger;
  /** Console language (log rows are always English). */
  lang?: Language;
  now?: () => Date;
  /**
   * Tells whether the process that owns a Running history has ended (default: same host and
   * its pid is gone). Such histories of the job are marked Failed when the job next runs.
   */
  isOwnerGone?: (owner: string) => boolean;
  /** Destination stage: the history whose batches to load (default env `HISTORY_ID`). */
  historyId?: number;
  dryRun?: boolean;
  batchLimits?: { maxBytes?: number; maxRows?: number };
  /** Told as rows move and batches are written or loaded (a progress bar on a terminal). */
  progress?: ConnectorProgress;
}

/** The result of one stage. The CLI turns `exitCode` into the process exit status. */
export interface ConnectorOutcome {
  kind: ConnectorKind;
  connectorId: string;
  jobId: number | null;
  historyId: number | null;
  status: 'NotStarted' | 'Running' | 'Finished' | 'Failed';
  exitCode: number;
  code: ErrorCode | 'OK';
  /** The last message (success line, error, or why it stopped). */
  message: string;
  columnsAffected: number;
  rowsAffected: number;
  batches: number;
  dryRun?: DryRunReport;
}

type Key = MessageKey<typeof English>;

/** A text of the SDK in English, the language of the log rows. */
const en = (key: Key, params?: Record<string, unknown>): string =>
  messages.format('en', key, params);

/** Job, credentials and history of one stage, or why it cannot start. */
interface Prepared {
  job: JobDetails;
  credentials: Credentials;
  entry: RegistryEntry;
}

/**
 * Runs one connector stage with the template's life cycle: registry and env checks (a missing
 * variable stops before `run()`), job details, credentials, history, `run()`, batches, log
 * rows and the final `Successfully ran {name} connector.` line. Never exits the process.
 */
export async function runConnector(options: RunConnectorOptions): Promise<ConnectorOutcome> {
  const { kind, connector: Class, env, logger } = options;
  const connectorId = Class.connectorId;
  const outcome: ConnectorOutcome = {
    kind,
    connectorId,
    jobId: null,
    historyId: null,
    status: 'NotStarted',
    exitCode: 0,
    code: 'OK',
    message: '',
    columnsAffected: 0,
    rowsAffected: 0,
    batches: 0,
  };
  const lang = options.lang ?? 'en';
  const say = (key: Key, params?: Record<string, unknown>): string =>
    messages.format(lang, key, params);
  // The console in the user's language, the outcome (and log rows) in English.
  const notStarted = (error: ToolbeltError): ConnectorOutcome => {
    logger.error(error.localized(lang).message);
    return { ...outcome, exitCode: error.exitCode, code: error.code, message: error.message };
  };

  const entry = options.registry.get(connectorId);
  if (!entry)
    return notStarted(
      messages.error('CONFIG', 'errors.connectorNotRegistered', {
        id: connectorId,
        file: options.registryFile ?? 'connectors.yaml',
      }),
    );
  const missing = findMissingEnv(env, [...baseEnvVariables, ...entry.env]);
  if (missing !== undefined)
    return notStarted(messages.error('CONFIG', 'errors.envMissing', { name: missing }));
  const masterHash = env.MASTER_HASH ?? '';
  logger.redactor.add(masterHash);

  const jobs = typeof options.jobs === 'function' ? await options.jobs() : options.jobs;
  const jobId = Number(env.JOB_ID);
  outcome.jobId = Number.isSafeInteger(jobId) && jobId > 0 ? jobId : null;
  const early = async (
    error: ToolbeltError,
    historyId: number | null = null,
  ): Promise<ConnectorOutcome> => {
    const result = notStarted(error);
    if (!options.dryRun) {
      await jobs.insertLog({
        jobId: outcome.jobId,
        historyId,
        connector: connectorId,
        type: logTypes.error,
        text: result.message,
        external: true,
      });
    }
    return result;
  };

  const job = outcome.jobId === null ? undefined : await jobs.getJob(outcome.jobId);
  if (!job) return early(messages.error('CONFIG', 'errors.jobNotFound', { id: env.JOB_ID }));

  let prepared: Prepared;
  try {
    prepared = prepare(job, entry, kind, masterHash);
  } catch (error) {
    return early(toToolbeltError(error));
  }
  for (const value of Object.values(prepared.credentials)) logger.redactor.add(value);

  const owner = currentHistoryOwner();
  if (!options.dryRun) {
    // A run killed mid-way (or whose database went away) left its history Running.
    const isGone = options.isOwnerGone ?? ((o: string) => isHistoryOwnerGone(o));
    for (const id of await jobs.failInterruptedHistories(job.id, isGone)) {
      const text = en('log.historyInterrupted', { id });
      logger.warn(say('log.historyInterrupted', { id }));
      await jobs.insertLog({
        jobId: job.id,
        historyId: id,
        connector: connectorId,
        type: logTypes.error,
        text,
        external: true,
      });
    }
  }

  let historyId: number;
  if (kind === 'source') {
    historyId = options.dryRun ? 0 : await jobs.createHistory(job.id, owner);
  } else {
    historyId = options.historyId ?? Number(env.HISTORY_ID);
    const history =
      Number.isSafeInteger(historyId) && historyId > 0
        ? await jobs.getHistory(historyId)
        : undefined;
    if (!history || history.jobId !== job.id)
      return early(
        messages.error('CONFIG', 'errors.historyMissing', {
          id: options.historyId ?? env.HISTORY_ID ?? '',
          job: job.id,
        }),
      );
    // This process now works on the history (again, after a failed or killed load).
    if (!options.dryRun)
      await jobs.updateHistory(historyId, { status: historyStatuses.running, owner });
  }
  outcome.historyId = options.dryRun && kind === 'source' ? null : historyId;

  const context: ConnectorContext = {
    kind,
    connectorId,
    job,
    historyId,
    credentials: prepared.credentials,
    env,
    store: typeof options.store === 'function' ? await options.store() : options.store,
    jobs,
    logger,
    lang,
    window: {},
    dryRun: options.dryRun ?? false,
    batchLimits: options.batchLimits ?? {},
    progress: options.progress,
    redact: (text) => logger.redactor.text(text),
  };
  const instance = new Class(context);
  outcome.columnsAffected =
    kind === 'source' ? instance.sourceColumns.length : instance.destinationColumns.length;

  try {
    try {
      context.window = computeSelectionWindow(job, (options.now ?? (() => new Date()))());
      Object.assign(instance, { window: context.window });
    } catch (error) {
      await instance.logErr(toToolbeltError(error));
    }
    await instance.logInfo(
      messages.text('log.jobStarted', {
        job: job.id,
        name: job.name,
        history: historyId,
        kind,
        connector: connectorId,
      }),
    );
    let batches: BatchSummary | undefined;
    try {
      await instance.run();
      // The last batch is written here, so its failures are the connector's like any other.
      if (instance instanceof SourceConnector) batches = await instance.finishUpload();
    } catch (error) {
      if (error instanceof ConnectorStop) throw error;
      // A ToolbeltError from a connector is an expected failure with its own code.
      if (isToolbeltError(error)) await instance.logErr(error);
      // As the original: the message in the internal row, the stack in the log file only.
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof Error && error.stack) logger.debug(error.stack);
      await instance.logUnhandled(en('log.sourceCodeError', { message }));
    }
    if (instance instanceof SourceConnector && batches) {
      if (batches.rows === 0) await instance.exitNoFail(en('log.noRows'));
      outcome.batches = batches.batches;
      if (options.dryRun) {
        outcome.dryRun = {
          rows: batches.rows,
          batches: batches.batches,
          bytes: batches.bytes,
          sample: instance.dryRunSample,
        };
        logger.info(
          say('log.dryRun', { rows: batches.rows, batches: batches.batches, bytes: batches.bytes }),
        );
      } else {
        // Running with no owner: the batches wait for the destination stage.
        await jobs.updateHistory(historyId, {
          status: historyStatuses.running,
          rowCount: instance.rowCount,
          owner: null,
        });
      }
    } else {
      outcome.batches = instance instanceof DestinationConnector ? instance.batchCount : 0;
      if (!options.dryRun)
        await jobs.updateHistory(historyId, {
          status: historyStatuses.finished,
          rowCount: instance.rowCount,
        });
    }
    outcome.rowsAffected = instance.rowCount;
    // The original's three lines, each ended by a newline.
    const affected = { columns: outcome.columnsAffected, rows: outcome.rowsAffected };
    const lines = (lang: Language): string =>
      `${messages.format(lang, 'log.success', { name: instance.name })}\n${messages.format(lang, 'log.affected', affected)}\n`;
    const line = lines('en');
    await instance.logInfo({ en: line, ru: lines('ru') });
    return {
      ...outcome,
      status: kind === 'source' && !options.dryRun ? 'Running' : 'Finished',
      message: line,
    };
  } catch (error) {
    if (!(error instanceof ConnectorStop)) throw error;
    const history = options.dryRun ? undefined : await jobs.getHistory(historyId);
    return {
      ...outcome,
      rowsAffected: instance.rowCount,
      status: history
        ? historyStatusNames[history.status]
        : error.exitCode === 0
          ? 'Finished'
          : 'Failed',
      exitCode: error.exitCode,
      code: error.code,
      message: error.message,
    };
  }
}

/** Decrypts the stage's credentials and checks the keys the registry asks for. */
function prepare(
  job: JobDetails,
  entry: RegistryEntry,
  kind: ConnectorKind,
  masterHash: string,
): Prepared {
  const end = kind === 'source' ? job.source : job.destination;
  const credentials = end.encryptedCredentials
    ? decryptCredentials(end.encryptedCredentials, masterHash)
    : {};
  const missing = entry.credentials.find((key) => !credentials[key]);
  if (missing !== undefined)
    throw messages.error('AUTH', 'errors.credentialMissing', { name: missing });
  return { job, credentials, entry };
}

/** One line of `check`: what was checked and whether it passed. */
export interface CheckItem {
  name: 'registry' | 'env' | 'job' | 'credentials' | 'store' | 'reachable';
  ok: boolean;
  message: string;
}

/** Options of `checkConnector`: those of `runConnector` without the run settings. */
export type CheckConnectorOptions = Omit<
  RunConnectorOptions,
  'historyId' | 'dryRun' | 'batchLimits'
>;

/**
 * Validates a stage without moving data: registry entry, environment, job, credentials,
 * object store, and the connector's own `check()` (reachability). Writes nothing.
 */
export async function checkConnector(options: CheckConnectorOptions): Promise<CheckItem[]> {
  const { connector: Class, env } = options;
  const items: CheckItem[] = [];
  const entry = options.registry.get(Class.connectorId);
  items.push({
    name: 'registry',
    ok: entry !== undefined,
    message: entry
      ? Class.connectorId
      : en('errors.connectorNotRegistered', {
          id: Class.connectorId,
          file: options.registryFile ?? 'connectors.yaml',
        }),
  });
  if (!entry) return items;
  const missing = findMissingEnv(env, [...baseEnvVariables, ...entry.env]);
  items.push({
    name: 'env',
    ok: missing === undefined,
    message: missing === undefined ? 'ok' : en('errors.envMissing', { name: missing }),
  });
  if (missing !== undefined) return items;
  const jobs = typeof options.jobs === 'function' ? await options.jobs() : options.jobs;
  const job = await jobs.getJob(Number(env.JOB_ID));
  items.push({
    name: 'job',
    ok: job !== undefined,
    message: job ? job.name : en('errors.jobNotFound', { id: env.JOB_ID }),
  });
  if (!job) return items;
  let credentials: Credentials;
  try {
    ({ credentials } = prepare(job, entry, options.kind, env.MASTER_HASH ?? ''));
    items.push({ name: 'credentials', ok: true, message: 'ok' });
  } catch (error) {
    items.push({ name: 'credentials', ok: false, message: (error as Error).message });
    return items;
  }
  const store = typeof options.store === 'function' ? await options.store() : options.store;
  try {
    await store.check();
    items.push({ name: 'store', ok: true, message: store.location });
  } catch (error) {
    items.push({
      name: 'store',
      ok: false,
      message: `${store.location}: ${(error as Error).message}`,
    });
  }
  const instance: Connector = new Class({
    kind: options.kind,
    connectorId: Class.connectorId,
    job,
    historyId: 0,
    credentials,
    env,
    store,
    jobs,
    logger: options.logger,
    lang: options.lang ?? 'en',
    window: {},
    dryRun: true,
    batchLimits: {},
    redact: (text) => options.logger.redactor.text(text),
  });
  try {
    await instance.check();
    items.push({ name: 'reachable', ok: true, message: instance.object });
  } catch (error) {
    items.push({
      name: 'reachable',
      ok: false,
      message: options.logger.redactor.text((error as Error).message),
    });
  }
  return items;
}
