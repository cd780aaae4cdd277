import { envNamePattern, isForbiddenEnvName } from './job-env.js';

/** Types a job field can have; they pick the form input and how a value is checked. */
export const fieldTypes = [
  'string',
  'text',
  'number',
  'integer',
  'boolean',
  'select',
  'date',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** One parameter of a job, as its metadata declares it. */
export interface JobField {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  default?: string | number | boolean;
  /** Allowed values (a `select`, or a restricted string). */
  options?: readonly string[];
  /** Never stored or logged in clear; masked in forms. */
  secret: boolean;
  /** Longer help shown under the input. */
  help?: string;
}

/** Where a job comes from, which decides how the executioner starts it. */
export type JobKind = 'module' | 'executable' | 'toolbelt';

/** A job of the library: validated metadata plus how to start it. */
export interface JobDefinition {
  name: string;
  description: string;
  fields: readonly JobField[];
  kind: JobKind;
  /** Module or executable file (absolute), or a Toolbelt CLI's bin/run.js. */
  path: string;
  /** Words before the flags for a Toolbelt CLI command (`['sync']`). */
  commandWords?: readonly string[];
  /** Default time limit of a run in seconds (none: unlimited). */
  timeoutSeconds?: number;
  /** `1`: one run at a time; a second run waits in the queue until the first has finished. */
  concurrency?: 1;
  /**
   * Environment variables the job needs from the runner's environment, besides the allowlist
   * of `planJobEnv` (metadata `env: ['SCHOOLOGY_CONSUMER_KEY']`; for a Toolbelt CLI, the
   * variables its README documents).
   */
  env?: readonly string[];
}

/** Why a candidate file is not a job, for `doctor`. */
export interface MetadataProblem {
  path: string;
  problems: string[];
}

/** The result of checking raw metadata: the metadata or every problem found. */
export type MetadataCheck =
  | {
      ok: true;
      name: string;
      description: string;
      fields: JobField[];
      timeoutSeconds?: number;
      concurrency?: 1;
      env?: string[];
    }
  | { ok: false; problems: string[] };

/** Documented bounds: a job name of up to 100 characters, field names of up to 64. */
export const metadataLimits = { name: 100, fieldName: 64, text: 10_000, fields: 100 } as const;
const namePattern = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._ -]{0,${metadataLimits.name - 1}}$`);
const fieldNamePattern = new RegExp(`^[A-Za-z_][A-Za-z0-9_-]{0,${metadataLimits.fieldName - 1}}$`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(raw: unknown, index: number, problems: string[]): JobField | undefined {
  const at = `fields[${index}]`;
  if (!isRecord(raw)) {
    problems.push(`${at}: not an object`);
    return undefined;
  }
  const before = problems.length;
  const name = raw.name;
  if (
    typeof name !== 'string' ||
    name.length > metadataLimits.fieldName ||
    !fieldNamePattern.test(name)
  )
    problems.push(
      `${at}.name: missing or not an identifier (at most ${metadataLimits.fieldName} characters)`,
    );
  const type = raw.type ?? (Array.isArray(raw.options) ? 'select' : 'string');
  if (typeof type !== 'string' || !(fieldTypes as readonly string[]).includes(type)) {
    problems.push(
      `${at}.type: "${(typeof type === 'string' ? type : `${JSON.stringify(type)}`).slice(0, 40)}" is not one of ${fieldTypes.join(', ')}`,
    );
  }
  if (raw.label !== undefined && typeof raw.label !== 'string')
    problems.push(`${at}.label: not a string`);
  else if (typeof raw.label === 'string' && raw.label.length > metadataLimits.text)
    problems.push(`${at}.label: longer than ${metadataLimits.text} characters`);
  if (raw.required !== undefined && typeof raw.required !== 'boolean')
    problems.push(`${at}.required: not true/false`);
  if (raw.secret !== undefined && typeof raw.secret !== 'boolean')
    problems.push(`${at}.secret: not true/false`);
  const options = raw.options;
  if (
    options !== undefined &&
    (!Array.isArray(options) ||
      options.length === 0 ||
      !options.every((o) => typeof o === 'string'))
  ) {
    problems.push(`${at}.options: not a non-empty list of strings`);
  }
  if (type === 'select' && options === undefined)
    problems.push(`${at}.options: a select needs options`);
  const def = raw.default;
  if (def !== undefined && !['string', 'number', 'boolean'].includes(typeof def))
    problems.push(`${at}.default: not a string, number or boolean`);
  if (raw.help !== undefined && typeof raw.help !== 'string')
    problems.push(`${at}.help: not a string`);
  if (problems.length > before) return undefined;
  return {
    name: name as string,
    label: (raw.label as string | undefined) ?? (name as string),
    type: type as FieldType,
    required: raw.required === true,
    secret: raw.secret === true,
    default: def as string | number | boolean | undefined,
    options: options as string[] | undefined,
    help: raw.help as string | undefined,
  };
}

/**
 * Check a job's metadata object (exported `metadata` of a module, or a sidecar `.job.json`).
 * Every problem is reported, so `doctor` can say at once what to fix.
 */
export function checkJobMetadata(raw: unknown): MetadataCheck {
  if (!isRecord(raw)) return { ok: false, problems: ['metadata: missing or not an object'] };
  const problems: string[] = [];
  const { name, description, fields, timeout, env, concurrency } = raw;
  if (typeof name !== 'string' || name.length > metadataLimits.name || !namePattern.test(name))
    problems.push(
      `name: missing or invalid (letters, digits, ". _ -" and spaces, at most ${metadataLimits.name})`,
    );
  if (typeof description !== 'string' || description.trim() === '')
    problems.push('description: missing');
  else if (description.length > metadataLimits.text)
    problems.push(`description: longer than ${metadataLimits.text} characters`);
  if (fields !== undefined && !Array.isArray(fields)) problems.push('fields: not a list');
  else if (Array.isArray(fields) && fields.length > metadataLimits.fields)
    problems.push(`fields: more than ${metadataLimits.fields}`);
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0)))
    problems.push('timeout: not a positive number of seconds');
  if (concurrency !== undefined && concurrency !== 1)
    problems.push('concurrency: only 1 (one run at a time) is supported');
  if (env !== undefined) {
    if (!Array.isArray(env)) problems.push('env: not a list of variable names');
    else
      for (const item of env as unknown[]) {
        if (typeof item !== 'string' || !envNamePattern.test(item))
          problems.push(`env: "${String(item)}" is not a variable name`);
        else if (isForbiddenEnvName(item))
          problems.push(
            `env: ${item} cannot be passed to a job (a loader option or a setting of the runner)`,
          );
      }
  }
  const checked = Array.isArray(fields) ? fields.map((f, i) => checkField(f, i, problems)) : [];
  const seen = new Set<string>();
  for (const field of checked) {
    if (!field) continue;
    if (seen.has(field.name)) problems.push(`fields: "${field.name}" appears twice`);
    seen.add(field.name);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    name: name as string,
    description: (description as string).trim(),
    fields: checked as JobField[],
    timeoutSeconds: typeof timeout === 'number' ? timeout : undefined,
    concurrency: concurrency === 1 ? (1 as const) : undefined,
    env: Array.isArray(env) && env.length > 0 ? [...(env as string[])] : undefined,
  };
}
