import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ToolbeltError } from '@toolbelt/errors';
import { formatMessage } from './messages.js';

/**
 * Variables every job needs. The job database is `DATABASE_URL` when set, else the embedded
 * PGlite folder, so it is not required here.
 */
export const baseEnvVariables = ['JOB_ID', 'MASTER_HASH'] as const;

/** `.env` (when present) under the process environment: the environment wins. */
export function loadEnv(
  envFile: string | undefined,
  processEnv: NodeJS.ProcessEnv,
): Record<string, string> {
  const fromFile = envFile && existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...fromFile, ...processEnv }))
    if (typeof v === 'string') out[k] = v;
  return out;
}

/** The first of `names` that is missing or empty, in order. */
export function findMissingEnv(
  env: Readonly<Record<string, string | undefined>>,
  names: readonly string[],
): string | undefined {
  return names.find((name) => !env[name]);
}

/** Throws the template's start-up error for the first missing variable. */
export function requireEnv(
  env: Readonly<Record<string, string | undefined>>,
  names: readonly string[],
): void {
  const name = findMissingEnv(env, names);
  if (name !== undefined) {
    throw new ToolbeltError('CONFIG', formatMessage('envMissing', { name }), {
      key: 'connector:envMissing',
      params: { name },
    });
  }
}
