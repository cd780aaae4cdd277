import {
  baseEnvVariables,
  connectorMessages,
  requireEnv,
  runConnector,
  type ConnectorKind,
  type ConnectorOutcome,
  type ConnectorProgress,
  type JobDetails,
} from '@toolbelt/connector';
import type { Deps } from './build-deps.js';
import { exitCodeOfStages, shouldRunDestination } from './core/stages.js';
import type { RunSettings } from './settings.js';

/** How far a job is, told as it goes. */
export interface JobProgress {
  /** Rows read from the source. */
  read(count: number): void;
  /** Rows loaded into the destination. */
  loaded(count: number): void;
  /** Batches the source wrote. */
  batches(count: number): void;
  stageDone(): void;
}

function stageProgress(progress: JobProgress, kind: ConnectorKind): ConnectorProgress {
  return kind === 'source'
    ? { rows: (n) => progress.read(n), batches: (n) => progress.batches(n) }
    : { rows: (n) => progress.loaded(n), batches: () => undefined };
}

/** The stages that ran and the exit status of the whole run. */
export interface RunJobResult {
  jobId: number;
  stages: ConnectorOutcome[];
  exitCode: number;
}

/**
 * Runs a job: the source stage, then the destination stage on the source's history (or the
 * one stage asked for). JOB_ID and MASTER_HASH are checked first, with the template's words;
 * an id that names no job writes a log row and is CONFIG (78).
 */
export async function runJob(deps: Deps, settings: RunSettings): Promise<RunJobResult> {
  const { env } = settings;
  // The connector classes come from the job, so the job's own variables are checked first.
  requireEnv(env, baseEnvVariables);
  const jobs = await deps.jobs();
  const jobId = Number(env.JOB_ID);
  const job = Number.isSafeInteger(jobId) && jobId > 0 ? await jobs.getJob(jobId) : undefined;
  if (!job) {
    const error = connectorMessages.error('CONFIG', 'errors.jobNotFound', { id: env.JOB_ID });
    await jobs.insertLog({
      jobId: Number.isSafeInteger(jobId) ? jobId : null,
      historyId: null,
      connector: 'connector-template',
      type: 2,
      text: error.message,
      external: true,
    });
    throw error;
  }
  const bar = await deps.startRunProgress(settings.stages.length);
  try {
    return { jobId: job.id, ...(await runStages(deps, settings, job, bar.progress)) };
  } finally {
    bar.stop();
  }
}

/** The stages of one job, in order; the destination only after a source that loaded rows. */
async function runStages(
  deps: Deps,
  settings: RunSettings,
  job: JobDetails,
  progress: JobProgress,
): Promise<Omit<RunJobResult, 'jobId'>> {
  const { env } = settings;
  const jobs = await deps.jobs();
  const stages: ConnectorOutcome[] = [];
  let historyId = settings.historyId;
  for (const kind of settings.stages) {
    const source = stages[0];
    if (kind === 'destination' && source && !shouldRunDestination(source)) break;
    const connector = await deps.catalogue.find(
      kind,
      kind === 'source' ? job.source.connector : job.destination.connector,
    );
    const outcome = await runConnector({
      kind,
      connector,
      env,
      registry: deps.registry,
      registryFile: deps.registryFile ?? 'connectors.yaml',
      jobs,
      store: deps.store,
      logger: deps.logger,
      lang: deps.lang,
      dryRun: settings.dryRun,
      progress: stageProgress(progress, kind),
      now: deps.now,
      historyId: kind === 'destination' ? historyId : undefined,
    });
    stages.push(outcome);
    progress.stageDone();
    if (kind === 'source' && outcome.historyId !== null) historyId = outcome.historyId;
  }
  return { stages, exitCode: exitCodeOfStages(stages) };
}
