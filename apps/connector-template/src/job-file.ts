import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { inputFileError } from '@toolbelt/cli-kit';
import {
  formatMessage,
  validateJobDefinition,
  type JobDefinition,
  type JobDetails,
} from '@toolbelt/connector';
import { ToolbeltError } from '@toolbelt/errors';

/** Connectors whose `object` is a file path (resolved relative to the job file). */
const fileConnectors = new Set(['csv']);

/**
 * Reads and checks a job definition file. A file that cannot be read is USAGE (`cannot read
 * job.json: no such file`); one that is not JSON, or not a valid job, is DATA with every
 * problem listed. File paths in it (a CSV source or destination) are taken relative to the
 * job file's folder, so the job runs the same from any working directory.
 */
export async function readJobFile(file: string): Promise<JobDefinition> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw inputFileError(file, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ToolbeltError('DATA', `The job file ${file} is not JSON.`, {
      cause: error,
      key: 'jobs.notJson',
      params: { file },
    });
  }
  const problems = validateJobDefinition(parsed);
  if (problems.length > 0) {
    throw new ToolbeltError('DATA', `The job file ${file} is invalid.`, {
      key: 'jobs.invalid',
      params: { file },
      problems,
    });
  }
  const definition = parsed as JobDefinition;
  const base = dirname(resolve(file));
  const at = (end: JobDefinition['source']): JobDefinition['source'] =>
    fileConnectors.has(end.connector) && !isAbsolute(end.object)
      ? { ...end, object: resolve(base, end.object) }
      : end;
  return { ...definition, source: at(definition.source), destination: at(definition.destination) };
}

/** MASTER_HASH, which encrypts a job's credentials; CONFIG (78) when it is not set. */
export function requireMasterHash(env: Readonly<Record<string, string | undefined>>): string {
  if (env.MASTER_HASH) return env.MASTER_HASH;
  throw new ToolbeltError('CONFIG', formatMessage('envMissing', { name: 'MASTER_HASH' }), {
    key: 'connector:envMissing',
    params: { name: 'MASTER_HASH' },
  });
}

/** The CONFIG error (78) for a job id that names no job. */
export function jobNotFound(id: number): ToolbeltError {
  return new ToolbeltError('CONFIG', `There is no job ${id}.`, {
    key: 'jobs.notFound',
    params: { id },
  });
}

/** A job as `jobs show` prints it: names instead of codes, no credentials. */
export type ShownJob = Omit<JobDetails, 'source' | 'destination' | 'updateMethod'> & {
  source: Omit<JobDetails['source'], 'encryptedCredentials'> & { hasCredentials: boolean };
  destination: Omit<JobDetails['destination'], 'encryptedCredentials'> & {
    hasCredentials: boolean;
  };
  updateMethod: 'Append' | 'Replace';
};

export function toShownJob(job: JobDetails): ShownJob {
  const end = ({ encryptedCredentials, ...rest }: JobDetails['source']) => ({
    ...rest,
    hasCredentials: encryptedCredentials !== null,
  });
  return {
    ...job,
    source: end(job.source),
    destination: end(job.destination),
    updateMethod: job.updateMethod === 2 ? 'Replace' : 'Append',
  };
}
