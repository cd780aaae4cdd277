import { requireEnv, toNewJob, type JobDetails, type JobSummary } from '@toolbelt/connector';
import type { Deps } from './build-deps.js';
import { messages } from './i18n/index.js';
import type { JobFileSettings, JobSettings } from './settings.js';

/** A job added or updated from a file. */
export interface SavedJob {
  id: number;
  name: string;
  /** `jobs add`: true when a job of that name was updated in place. */
  updated: boolean;
}

/** Reads the job file and MASTER_HASH, which encrypts the job's credentials. */
async function readJob(deps: Deps, settings: JobFileSettings) {
  const definition = await deps.readJobFile(settings.file);
  requireEnv(settings.env, ['MASTER_HASH']);
  return { definition, job: toNewJob(definition, settings.env.MASTER_HASH ?? '') };
}

/**
 * `jobs add`: a job with the same name is updated in place (same id, history kept), so adding
 * the same file twice does not make a second job.
 */
export async function addJob(deps: Deps, settings: JobFileSettings): Promise<SavedJob> {
  const { definition, job } = await readJob(deps, settings);
  const jobs = await deps.jobs();
  const same = (await jobs.listJobs()).find((j) => j.name === definition.name);
  if (same && (await jobs.updateJob(same.id, job)))
    return { id: same.id, name: definition.name, updated: true };
  return { id: await jobs.addJob(job), name: definition.name, updated: false };
}

/** `jobs update`: replaces job `settings.id` (CONFIG, 78, when there is none). */
export async function updateJob(deps: Deps, settings: JobFileSettings): Promise<SavedJob> {
  const { definition, job } = await readJob(deps, settings);
  const id = settings.id ?? 0;
  const found = (await deps.hasData()) && (await (await deps.jobs()).updateJob(id, job));
  if (!found) throw messages.error('CONFIG', 'errors.jobNotFound', { id });
  return { id, name: definition.name, updated: true };
}

/** `jobs list`: every job (no database yet: none, and nothing is created to say so). */
export async function listJobs(deps: Deps): Promise<JobSummary[]> {
  return (await deps.hasData()) ? (await deps.jobs()).listJobs() : [];
}

/** `jobs show`: one job (CONFIG, 78, when there is none). */
export async function showJob(deps: Deps, settings: JobSettings): Promise<JobDetails> {
  const job = (await deps.hasData()) ? await (await deps.jobs()).getJob(settings.id) : undefined;
  if (!job) throw messages.error('CONFIG', 'errors.jobNotFound', { id: settings.id });
  return job;
}

/** `jobs remove`: the job with its history and log rows, once confirmed (or `--yes`). */
export async function removeJob(deps: Deps, settings: JobSettings): Promise<JobDetails> {
  const job = await showJob(deps, settings);
  if (!settings.yes && !(await deps.confirmRemove(job)))
    throw messages.error('CANCELLED', 'errors.notRemoved', { id: job.id });
  await (await deps.jobs()).removeJob(job.id);
  return job;
}
