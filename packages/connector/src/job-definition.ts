import { selections, updateMethods, type Selection, type UpdateMethod } from './codes.js';
import { validateMapping, type ColumnMapping } from './columns.js';
import { encryptCredentials, type Credentials } from './credentials.js';
import type { NewJob } from './job.js';

/** One side of a job file (`job.json`). */
export interface JobEndDefinition {
  connector: string;
  object: string;
  options?: Record<string, unknown>;
  /** Clear text in the file; stored encrypted. */
  credentials?: Credentials;
}

/** The `job.json` accepted by `connector-template jobs add`. */
export interface JobDefinition {
  name: string;
  source: JobEndDefinition;
  destination: JobEndDefinition;
  mapping: ColumnMapping[];
  filter?: {
    column: string;
    start?: { selection: Selection; value?: string };
    end?: { selection: Selection; value?: string };
    timezoneOffset?: number;
  };
  /** `append` (1, default) or `replace` (2). */
  updateMethod?: 'append' | 'replace' | UpdateMethod;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function checkEnd(value: unknown, where: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${where} must be an object with connector and object.`);
    return;
  }
  if (typeof value.connector !== 'string' || value.connector === '')
    problems.push(`${where}.connector must be a connector id.`);
  if (typeof value.object !== 'string') problems.push(`${where}.object must be a string.`);
  if (value.options !== undefined && !isObject(value.options))
    problems.push(`${where}.options must be an object.`);
  if (
    value.credentials !== undefined &&
    (!isObject(value.credentials) ||
      !Object.values(value.credentials).every((v) => typeof v === 'string'))
  ) {
    problems.push(`${where}.credentials must map names to strings.`);
  }
}

function checkBound(value: unknown, where: string, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value) || !selections.includes(value.selection as Selection)) {
    problems.push(`${where}.selection must be one of ${selections.join(', ')}.`);
    return;
  }
  if (
    value.selection === 'Custom' &&
    (typeof value.value !== 'string' || Number.isNaN(new Date(value.value).getTime()))
  ) {
    problems.push(`${where}.value must be a date (YYYY-MM-DD or ISO timestamp) for Custom.`);
  }
}

/** Validates a parsed job file; every problem is listed (empty when valid). */
export function validateJobDefinition(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['The job file must hold one JSON object.'];
  if (typeof value.name !== 'string' || value.name.trim() === '')
    problems.push('name must be a non-empty string.');
  checkEnd(value.source, 'source', problems);
  checkEnd(value.destination, 'destination', problems);
  problems.push(...validateMapping(value.mapping).map((p) => p.replace('JobDataJSON', 'mapping')));
  if (value.filter !== undefined) {
    if (!isObject(value.filter) || typeof value.filter.column !== 'string')
      problems.push('filter.column must be a column name.');
    else {
      checkBound(value.filter.start, 'filter.start', problems);
      checkBound(value.filter.end, 'filter.end', problems);
      if (
        value.filter.timezoneOffset !== undefined &&
        typeof value.filter.timezoneOffset !== 'number'
      )
        problems.push('filter.timezoneOffset must be a number of hours.');
    }
  }
  const method = value.updateMethod;
  if (method !== undefined && !['append', 'replace', 1, 2].includes(method as string | number))
    problems.push('updateMethod must be append or replace.');
  return problems;
}

/** The job row to store: credentials encrypted with `MASTER_HASH`. Validate first. */
export function toNewJob(definition: JobDefinition, masterHash: string): NewJob {
  const method = definition.updateMethod;
  const updateMethod: UpdateMethod =
    method === 'replace' || method === updateMethods.replace
      ? updateMethods.replace
      : updateMethods.append;
  const end = (e: JobEndDefinition): NewJob['source'] => ({
    connector: e.connector,
    object: e.object,
    options: e.options ?? {},
    encryptedCredentials:
      e.credentials && Object.keys(e.credentials).length > 0
        ? encryptCredentials(e.credentials, masterHash)
        : null,
  });
  return {
    name: definition.name,
    source: end(definition.source),
    destination: end(definition.destination),
    mapping: definition.mapping.map((m) => ({ column: m.column, mapped: m.mapped ?? '' })),
    filterColumn: definition.filter?.column ?? null,
    startSelection: definition.filter?.start?.selection ?? null,
    startValue: definition.filter?.start?.value ?? null,
    endSelection: definition.filter?.end?.selection ?? null,
    endValue: definition.filter?.end?.value ?? null,
    timezoneOffset: definition.filter?.timezoneOffset ?? 0,
    updateMethod,
  };
}
