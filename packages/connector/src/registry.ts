import { readFile } from 'node:fs/promises';
import type { Texts } from '@toolbelt/errors';
import { messages } from './i18n/index.js';

/** One connector of the registry (`connectors.yaml`). */
export interface RegistryEntry {
  /** `connector_id` */
  id: string;
  /** Keys the decrypted credentials must hold. */
  credentials: string[];
  /** Environment variables the connector needs besides the base ones. */
  env: string[];
  /** ESM module exporting the connector class as `connector` (for connectors outside this SDK). */
  module?: string;
}

export type Registry = ReadonlyMap<string, RegistryEntry>;

const stringList = (
  value: unknown,
  where: string,
  field: 'credentials' | 'env',
  problems: Texts[],
): string[] => {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  problems.push(messages.text('problems.registryNames', { where, field }));
  return [];
};

/**
 * Reads a parsed registry: a list of `{connector_id, credentials, env?, module?}`, or a map
 * `id: {credentials, env?}` (the original template's layout). Problems are reported together.
 */
export function parseRegistry(document: unknown, file = 'connectors.yaml'): Registry {
  const problems: Texts[] = [];
  const entries = new Map<string, RegistryEntry>();
  const items: [string | undefined, unknown][] = Array.isArray(document)
    ? document.map((item) => [undefined, item])
    : document && typeof document === 'object'
      ? Object.entries(document as Record<string, unknown>).map(([k, v]) => [k, v])
      : [];
  if (
    items.length === 0 &&
    document !== null &&
    document !== undefined &&
    typeof document !== 'object'
  )
    problems.push(messages.text('problems.registryNotList', { file }));
  items.forEach(([key, raw], i) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const id = key ?? item.connector_id;
    const where = `${file}: ${typeof id === 'string' ? id : `item ${i + 1}`}`;
    if (typeof id !== 'string' || id === '') {
      problems.push(messages.text('problems.registryNoId', { where }));
      return;
    }
    if (entries.has(id)) problems.push(messages.text('problems.registryTwice', { where }));
    const entry: RegistryEntry = {
      id,
      credentials: stringList(item.credentials, where, 'credentials', problems),
      env: stringList(item.env, where, 'env', problems),
    };
    if (typeof item.module === 'string') entry.module = item.module;
    entries.set(id, entry);
  });
  if (problems.length > 0)
    throw messages.error('CONFIG', 'errors.registryInvalid', { file }, { problems });
  return entries;
}

/** Reads and parses `connectors.yaml` (YAML parser loaded lazily). */
export async function readRegistry(path: string): Promise<Registry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw messages.error('CONFIG', 'errors.registryMissing', { file: path }, { cause: error });
  }
  const { parse } = await import('yaml');
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw messages.error('CONFIG', 'errors.registryNotYaml', { file: path }, { cause: error });
  }
  return parseRegistry(document ?? [], path);
}
