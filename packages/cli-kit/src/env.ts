import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { commonMessages } from '@toolbelt/errors';
import type { Env } from '@toolbelt/i18n';

export type { Env };

export interface LoadedEnv {
  /** Process environment over the .env file: process variables win. */
  env: Env;
  /** The .env file that was read, if any. */
  file: string | undefined;
  /** Keys that came from the file (to tell users where a value came from). */
  fromFile: readonly string[];
}

/**
 * Reads `--dotenv` (must exist) or `./.env` (when present) without touching
 * `process.env`, and merges: process environment > file. Flags are applied later by each
 * command, on top of this.
 */
export function loadEnv(
  options: { envFile?: string; cwd?: string; processEnv?: Env } = {},
): LoadedEnv {
  const processEnv = options.processEnv ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.envFile !== undefined;
  const file = resolve(cwd, options.envFile ?? '.env');
  if (!existsSync(file)) {
    if (explicit) {
      throw commonMessages.error('CONFIG', 'errors.envFileMissing', { path: options.envFile });
    }
    return { env: { ...processEnv }, file: undefined, fromFile: [] };
  }
  const fromFile = parseDotenv(readFileSync(file));
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(processEnv))
    if (value !== undefined) merged[key] = value;
  return { env: merged, file, fromFile: Object.keys(fromFile) };
}
