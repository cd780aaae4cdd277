import type { FieldType, JobField } from './job-metadata.js';
import { isForbiddenEnvName } from './job-env.js';

/** The part of an oclif manifest flag we read. */
export interface ManifestFlag {
  name: string;
  type: 'boolean' | 'option';
  summary?: string;
  description?: string;
  required?: boolean;
  default?: unknown;
  options?: string[];
  multiple?: boolean;
  hidden?: boolean;
  helpGroup?: string;
}

/** The part of an oclif manifest command we read. */
export interface ManifestCommand {
  id: string;
  summary?: string;
  description?: string;
  hidden?: boolean;
  flags?: Record<string, ManifestFlag>;
}

/** Flags every Toolbelt CLI has; they are the runner's business, not the job form's. */
const commonFlags = new Set([
  'lang',
  'dotenv',
  'env-file',
  'log-dir',
  'log-keep',
  'verbose',
  'quiet',
  'json',
  'help',
]);
const secretName = /pass(word)?|secret|token|api[-_]?key|credential/i;

function fieldType(flag: ManifestFlag): FieldType {
  if (flag.type === 'boolean') return 'boolean';
  if (flag.options && flag.options.length > 0) return 'select';
  return 'string';
}

/** Form fields of a Toolbelt CLI command, from its manifest flags (common flags left out). */
export function fieldsFromFlags(flags: Record<string, ManifestFlag>): JobField[] {
  const fields: JobField[] = [];
  for (const [name, flag] of Object.entries(flags)) {
    if (commonFlags.has(name) || flag.hidden || flag.helpGroup === 'GLOBAL') continue;
    const def = flag.default;
    fields.push({
      name,
      label: name,
      type: fieldType(flag),
      required: flag.required === true,
      secret: secretName.test(name),
      ...(typeof def === 'string' || typeof def === 'number' || typeof def === 'boolean'
        ? { default: def }
        : {}),
      ...(flag.options && flag.options.length > 0 ? { options: flag.options } : {}),
      ...((flag.summary ?? flag.description) ? { help: flag.summary ?? flag.description } : {}),
    });
  }
  return fields;
}

const flagName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * argv flags for a Toolbelt CLI run: one `--name=value` element per value, `--name` for a true
 * boolean. The value is never an element of its own, so whatever it holds (`--env-file=...`,
 * `-r`, `--`, spaces, quotes, newlines) oclif reads it as the flag's value and nothing else.
 */
export function toFlagArgv(
  fields: readonly JobField[],
  values: Record<string, string | number | boolean>,
): string[] {
  const argv: string[] = [];
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (!flagName.test(field.name)) throw new TypeError(`not a flag name: ${field.name}`);
    if (field.type === 'boolean') {
      if (value === true) argv.push(`--${field.name}`);
      continue;
    }
    argv.push(`--${field.name}=${String(value)}`);
  }
  return argv;
}

/**
 * The environment variables a Toolbelt CLI documents: every `NAME` or `NAME=...` in backquotes
 * in its README (`SMTP_PASSWORD`, `DATABASE_URL`). A CLI job gets these and no others, so a
 * tool sees the settings it says it reads, not every secret of the runner.
 */
export function documentedEnvNames(readme: string): string[] {
  const names = new Set<string>();
  for (const match of readme.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=[^`]*)?`/g)) {
    const name = match[1]!;
    if (!isForbiddenEnvName(name)) names.add(name);
  }
  return [...names].sort();
}
