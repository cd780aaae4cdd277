import { ToolbeltError } from '@toolbelt/errors';
import {
  baseEnvVariables,
  findMissingEnv,
  formatMessage,
  runConnector,
  type ConnectorKind,
  type ConnectorOutcome,
  type ConnectorProgress,
  type MessageLanguage,
} from '@toolbelt/connector';
import type { Logger } from '@toolbelt/log';
import { exitCodeOfStages, planStages, shouldRunDestination } from './core/stages.js';
import type { Deps } from './deps.js';

/** Options of `runJob`. */
export interface RunJobOptions {
  env: Readonly<Record<string, string>>;
  jobId?: number;
  stage?: ConnectorKind;
  historyId?: number;
  dryRun: boolean;
  logger: Logger;
  lang: MessageLanguage;
  /** The run's clock: the Today / Yesterday selection window is computed from it. */
  now?: () => Date;
  /** Told as rows are read and loaded, batches written and stages end (a progress bar). */
  progress?: JobProgress;
}

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

/** Runs a job: the source stage, then the destination stage on the source's history. */
export async function runJob(deps: Deps, options: RunJobOptions): Promise<RunJobResult> {
  const plan = planStages(options);
  if (!plan.ok) throw new ToolbeltError('USAGE', plan.problem, { key: `run.${plan.problem}` });
  const env = {
    ...options.env,
    ...(options.jobId === undefined ? {} : { JOB_ID: String(options.jobId) }),
  };
  // The connector classes come from the job, so the job's own variables are checked first.
  const missing = findMissingEnv(env, baseEnvVariables);
  if (missing !== undefined) {
    throw new ToolbeltError('CONFIG', formatMessage('envMissing', { name: missing }), {
      key: 'connector:envMissing',
      params: { name: missing },
    });
  }
  const jobId = Number(env.JOB_ID);
  const jobs = await deps.jobs();
  const job = Number.isSafeInteger(jobId) && jobId > 0 ? await jobs.getJob(jobId) : undefined;
  if (!job) {
    await jobs.insertLog({
      jobId: Number.isSafeInteger(jobId) ? jobId : null,
      historyId: null,
      connector: 'connector-template',
      type: 2,
      text: formatMessage('jobNotFound', { id: env.JOB_ID }),
      external: true,
    });
    throw new ToolbeltError('CONFIG', formatMessage('jobNotFound', { id: env.JOB_ID }), {
      key: 'connector:jobNotFound',
      params: { id: env.JOB_ID },
    });
  }
  const stages: ConnectorOutcome[] = [];
  let historyId = options.historyId;
  for (const kind of plan.stages) {
    if (
      kind === 'destination' &&
      stages.length > 0 &&
      !shouldRunDestination(stages[0] as ConnectorOutcome)
    )
      break;
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
      logger: options.logger,
      lang: options.lang,
      dryRun: options.dryRun,
      ...(options.progress ? { progress: stageProgress(options.progress, kind) } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(kind === 'destination' && historyId !== undefined ? { historyId } : {}),
    });
    stages.push(outcome);
    options.progress?.stageDone();
    if (kind === 'source' && outcome.historyId !== null) historyId = outcome.historyId;
  }
  return { jobId: job.id, stages, exitCode: exitCodeOfStages(stages) };
}
