import { isIsoDate } from '@toolbelt/dates';
import type { JobField } from './job-metadata.js';

/** A parameter value after validation. */
export type ParamValue = string | number | boolean;
export type ParamValues = Record<string, ParamValue>;

/** One problem with the parameters given for a run (data, worded by the shell). */
export interface ParamProblem {
  field: string;
  code:
    'required' | 'unknown' | 'notNumber' | 'notInteger' | 'notBoolean' | 'notOption' | 'notDate';
  value?: string;
  /** The allowed values (`notOption`), or the job's field names (`unknown`). */
  options?: readonly string[];
}

/** What validation gives: typed values and every problem. */
export interface ParamCheck {
  values: ParamValues;
  problems: ParamProblem[];
  /** Required fields with no value and no default (prompted for on a terminal). */
  missing: JobField[];
}

/** The mask written instead of a secret value. */
export const MASK = '***';

const truthy = new Set(['true', '1', 'yes', 'on', 'y']);
const falsy = new Set(['false', '0', 'no', 'off', 'n', '']);

function toValue(field: JobField, raw: string): ParamValue | ParamProblem {
  switch (field.type) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n)
        ? n
        : { field: field.name, code: 'notNumber', value: raw };
    }
    case 'integer': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isInteger(n)
        ? n
        : { field: field.name, code: 'notInteger', value: raw };
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (truthy.has(v)) return true;
      if (falsy.has(v)) return false;
      return { field: field.name, code: 'notBoolean', value: raw };
    }
    case 'date':
      return isIsoDate(raw) ? raw : { field: field.name, code: 'notDate', value: raw };
    default:
      if (field.options && !field.options.includes(raw))
        return { field: field.name, code: 'notOption', value: raw, options: field.options };
      return raw;
  }
}

/**
 * Validate raw text values (from `--set`, a form or a prompt) against a job's fields: types,
 * required, options. Defaults fill what is not given; an empty string counts as not given
 * (except for booleans, where an unchecked box means false).
 */
export function validateParams(
  fields: readonly JobField[],
  input: Readonly<Record<string, string | undefined>>,
): ParamCheck {
  const values: ParamValues = {};
  const problems: ParamProblem[] = [];
  const missing: JobField[] = [];
  const names = fields.map((f) => f.name);
  const known = new Set(names);
  for (const key of Object.keys(input))
    if (!known.has(key)) problems.push({ field: key, code: 'unknown', options: names });
  for (const field of fields) {
    const raw = input[field.name];
    if (raw === undefined || (raw === '' && field.type !== 'boolean')) {
      if (field.default !== undefined) values[field.name] = field.default;
      else if (field.required) missing.push(field);
      continue;
    }
    const value = toValue(field, raw);
    if (typeof value === 'object') problems.push(value);
    else values[field.name] = value;
  }
  return { values, problems, missing };
}

/** The parameters as stored in the run record and shown anywhere: secret fields masked. */
export function maskParams(fields: readonly JobField[], values: ParamValues): ParamValues {
  const secret = new Set(fields.filter((f) => f.secret).map((f) => f.name));
  const out: ParamValues = {};
  for (const [key, value] of Object.entries(values)) out[key] = secret.has(key) ? MASK : value;
  return out;
}

/** The secret values among the parameters (to hand to the executioner, never to storage). */
export function secretParams(
  fields: readonly JobField[],
  values: ParamValues,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.secret && value !== undefined) out[field.name] = String(value);
  }
  return out;
}

/** Replace every secret value in a text by the mask, longest first (so overlaps mask whole). */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== '' && out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** Parse `--set key=value` items; an item without `=` is a problem. */
export function parseSetItems(items: readonly string[]): {
  input: Record<string, string>;
  bad: string[];
} {
  const input: Record<string, string> = {};
  const bad: string[] = [];
  for (const item of items) {
    const at = item.indexOf('=');
    if (at <= 0) bad.push(item);
    else input[item.slice(0, at)] = item.slice(at + 1);
  }
  return { input, bad };
}

/** The catalog key (`problems.*`) and parameters that word one parameter problem. */
export function paramProblemMessage(problem: ParamProblem): {
  key: `problems.${ParamProblem['code'] | 'unknownNoFields'}`;
  params: Record<string, string>;
} {
  const code =
    problem.code === 'unknown' && !problem.options?.length ? 'unknownNoFields' : problem.code;
  return {
    key: `problems.${code}`,
    params: {
      field: problem.field,
      value: problem.value ?? '',
      options: (problem.options ?? []).join(', '),
    },
  };
}
