import type { Env } from '@toolbelt/i18n';
import { messages } from './i18n/index.js';

export type { Env };

/**
 * Variables every job needs. The job database is `DATABASE_URL` when set, else the embedded
 * PGlite folder, so it is not required here.
 */
export const baseEnvVariables = ['JOB_ID', 'MASTER_HASH'] as const;

/** The first of `names` that is missing or empty, in order. */
export function findMissingEnv(env: Env, names: readonly string[]): string | undefined {
  return names.find((name) => !env[name]);
}

/** Throws the template's start-up error (CONFIG) for the first missing variable. */
export function requireEnv(env: Env, names: readonly string[]): void {
  const name = findMissingEnv(env, names);
  if (name !== undefined) throw messages.error('CONFIG', 'errors.envMissing', { name });
}
