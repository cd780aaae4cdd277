import type { FieldType } from './job-metadata.js';
import type { ParamValue } from './job-params.js';

/** A field as a job module declares it (label, required and secret are optional). */
export interface JobFieldSpec {
  name: string;
  label?: string;
  type?: FieldType;
  required?: boolean;
  default?: ParamValue;
  options?: readonly string[];
  secret?: boolean;
  help?: string;
}

/** The metadata object a job module exports as `metadata` (or a sidecar `.job.json` holds). */
export interface JobMetadataSpec {
  name: string;
  description: string;
  fields?: readonly JobFieldSpec[];
  /** Time limit of a run in seconds. */
  timeout?: number;
  /**
   * Environment variables the job reads (`['SCHOOLOGY_CONSUMER_KEY']`). A job sees only these
   * and a small allowlist (PATH, HOME, LANG, LC_*, TZ, TMPDIR, ...), never the rest of the
   * runner's environment.
   */
  env?: readonly string[];
}

/** What a job's `run` gets besides its parameters. */
export interface JobContext {
  /** The run's id in the job runner's database. */
  runId: number;
  /** Aborted when the run is cancelled or times out (the process gets SIGTERM). */
  signal: AbortSignal;
  /** The job's environment: the allowlist plus the variables its metadata declares. */
  env: Readonly<Record<string, string | undefined>>;
  /** Print a line to the run's log (stdout). */
  log(message: string): void;
  /** Print a line to the run's log as stderr. */
  warn(message: string): void;
}

/** A job module: `export const metadata = {...}; export async function run(params, ctx) {...}`. */
export interface JobModule<P extends Record<string, ParamValue> = Record<string, ParamValue>> {
  metadata: JobMetadataSpec;
  /** Resolve to succeed (a number is used as the exit code); throw to fail. */
  run(params: P, ctx: JobContext): Promise<number | void> | number | void;
}

/** Typing help for job authors: returns the module object unchanged. */
export function defineJob<P extends Record<string, ParamValue>>(job: JobModule<P>): JobModule<P> {
  return job;
}
