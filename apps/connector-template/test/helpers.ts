import type { Env } from '@toolbelt/cli-kit';
import { createLogger, type Logger } from '@toolbelt/log';
import { buildDeps, type Deps } from '../src/build-deps.js';
import {
  readRunSettings,
  readSettings,
  settingsOrThrow,
  type RunSettings,
} from '../src/settings.js';

export const MASTER_HASH = 'app-test-master-hash';

/** A logger that keeps console lines in memory. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    name: 'connector-template-test',
    consoleLevel: 'info',
    color: false,
    console: { write: (c: string) => lines.push(c.trimEnd()) },
  });
  return { logger, lines };
}

/** The example job pointed at `csv`, loading into `table` with `updateMethod`. */
export function csvToPostgresJob(csv: string, table: string, updateMethod: 'append' | 'replace') {
  return {
    name: `CSV to ${table}`,
    source: { connector: 'csv', object: csv },
    destination: { connector: 'postgres', object: table },
    mapping: [
      { column: 'id', mapped: 'id' },
      { column: 'name', mapped: 'name' },
      { column: 'amount', mapped: 'amount' },
      { column: 'empty', mapped: '' },
    ],
    updateMethod,
  };
}

/** The app's dependencies on `env` in `cwd`, as a command builds them. */
export async function depsOf(env: Env, cwd: string): Promise<Deps> {
  const settings = settingsOrThrow(readSettings({}, env, cwd));
  return buildDeps(settings, { lang: 'en', logger: captureLogger().logger, now: () => new Date() });
}

/** What `run --job N [--stage] [--history] [--dry-run]` runs with. */
export function runSettingsOf(
  env: Env,
  job: number,
  extra: { stage?: 'source' | 'destination'; historyId?: number; dryRun?: boolean } = {},
): RunSettings {
  const flags = {
    job,
    stage: extra.stage,
    history: extra.historyId,
    'dry-run': extra.dryRun ?? false,
  };
  return settingsOrThrow(readRunSettings(flags, env, process.cwd()));
}
