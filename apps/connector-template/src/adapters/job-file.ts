import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { inputFileError } from '@toolbelt/cli-kit';
import { validateJobDefinition, type JobDefinition } from '@toolbelt/connector';
import { messages } from '../i18n/index.js';

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
    throw messages.error('DATA', 'errors.jobFileNotJson', { file }, { cause: error });
  }
  const problems = validateJobDefinition(parsed);
  if (problems.length > 0)
    throw messages.error('DATA', 'errors.jobFileInvalid', { file }, { problems });
  const definition = parsed as JobDefinition;
  const base = dirname(resolve(file));
  const at = (end: JobDefinition['source']): JobDefinition['source'] =>
    fileConnectors.has(end.connector) && !isAbsolute(end.object)
      ? { ...end, object: resolve(base, end.object) }
      : end;
  return { ...definition, source: at(definition.source), destination: at(definition.destination) };
}
