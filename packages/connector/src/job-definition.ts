import type { MessageKey, Texts } from '@toolbelt/errors';
import { selections, updateMethods, type Selection, type UpdateMethod } from './codes.js';
import { validateMapping, type ColumnMapping } from './columns.js';
import { encryptCredentials, type Credentials } from './credentials.js';
import { messages, type en } from './i18n/index.js';
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

function checkEnd(value: unknown, where: string, problems: Texts[]): void {
  const problem = (key: MessageKey<typeof en>): void => {
    problems.push(messages.text(key, { where }));
  };
  if (!isObject(value)) {
    problem('problems.endNotObject');
    return;
  }
  if (typeof value.connector !== 'string' || value.connector === '')
    problem('problems.endConnector');
  if (typeof value.object !== 'string') problem('problems.endObject');
  if (value.options !== undefined && !isObject(value.options)) problem('problems.endOptions');
  if (
    value.credentials !== undefined &&
    (!isObject(value.credentials) ||
      !Object.values(value.credentials).every((v) => typeof v === 'string'))
  ) {
    problem('problems.endCredentials');
  }
}

function checkBound(value: unknown, where: string, problems: Texts[]): void {
  if (value === undefined) return;
  if (!isObject(value) || !selections.includes(value.selection as Selection)) {
    problems.push(
      messages.text('problems.boundSelection', { where, selections: selections.join(', ') }),
    );
    return;
  }
  if (
    value.selection === 'Custom' &&
    (typeof value.value !== 'string' || Number.isNaN(new Date(value.value).getTime()))
  ) {
    problems.push(messages.text('problems.boundValue', { where }));
  }
}

/** Validates a parsed job file; every problem is listed (empty when valid). */
export function validateJobDefinition(value: unknown): Texts[] {
  if (!isObject(value)) return [messages.text('problems.jobNotObject')];
  const problems: Texts[] = [];
  if (typeof value.name !== 'string' || value.name.trim() === '')
    problems.push(messages.text('problems.jobName'));
  checkEnd(value.source, 'source', problems);
  checkEnd(value.destination, 'destination', problems);
  problems.push(...validateMapping(value.mapping, 'mapping'));
  if (value.filter !== undefined) {
    if (!isObject(value.filter) || typeof value.filter.column !== 'string')
      problems.push(messages.text('problems.filterColumn'));
    else {
      checkBound(value.filter.start, 'filter.start', problems);
      checkBound(value.filter.end, 'filter.end', problems);
      if (
        value.filter.timezoneOffset !== undefined &&
        typeof value.filter.timezoneOffset !== 'number'
      )
        problems.push(messages.text('problems.filterOffset'));
    }
  }
  const method = value.updateMethod;
  if (method !== undefined && !['append', 'replace', 1, 2].includes(method as string | number))
    problems.push(messages.text('problems.updateMethod'));
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
