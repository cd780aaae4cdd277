import { commonFlagNames } from '@toolbelt/cli-kit/common-flags';
import { isSecretKey } from '@toolbelt/log';
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

/**
 * Flags every Toolbelt CLI has (and `version`, `timezone`): the runner's business, not the job
 * form's.
 */
const commonFlags = new Set<string>([...commonFlagNames, 'version', 'timezone']);

/** A summary that says the flag must be given ("School year, NN-NN (e.g. 23-24). Required."). */
const requiredNote = /\s*\(?\brequired\b\)?\.?\s*$/i;

/** Text up to the first `.`, `:` or `;` that ends a sentence, outside parentheses. */
function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      '.:;'.includes(ch) &&
      (i + 1 === text.length || /\s/.test(text[i + 1]!))
    )
      return text.slice(0, i);
  }
  return text;
}

/**
 * The form label and help of a flag from its summary: the label is the first sentence
 * ("School year, NN-NN (e.g. 23-24)"), the help the whole summary without a "Required." note;
 * a flag with no summary is labelled by its name.
 */
export function flagLabel(
  name: string,
  summary: string | undefined,
): {
  label: string;
  help?: string;
  saysRequired: boolean;
} {
  const text = (summary ?? '').trim();
  if (text === '') return { label: name, saysRequired: false };
  const saysRequired = requiredNote.test(text);
  const help = text.replace(requiredNote, '').trim();
  const first = firstSentence(help);
  return { label: first, help: help || undefined, saysRequired };
}

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
    const { label, help, saysRequired } = flagLabel(name, flag.summary ?? flag.description);
    fields.push({
      name,
      label,
      type: fieldType(flag),
      // A CLI that checks the flag itself (not oclif) says so in its summary.
      required: flag.required === true || (saysRequired && flag.type !== 'boolean'),
      secret: isSecretKey(name),
      default:
        typeof def === 'string' || typeof def === 'number' || typeof def === 'boolean'
          ? def
          : undefined,
      options: flag.options && flag.options.length > 0 ? flag.options : undefined,
      help: help || undefined,
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
