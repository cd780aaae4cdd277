import { createLogger, type Logger } from '@toolbelt/log';
import { encryptCredentials } from '../src/credentials.js';
import type { NewJob } from '../src/job.js';

export const MASTER_HASH = 'test-master-hash-0123456789';

/** A logger whose console lines are kept in `lines`. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    name: 'connector-test',
    consoleLevel: 'info',
    console: { write: (chunk: string) => lines.push(chunk.trimEnd()) },
    color: false,
  });
  return { logger, lines };
}

/** A job from `source` to `destination` with a two-column mapping. */
export function jobOf(
  overrides: Partial<NewJob> = {},
  credentials?: Record<string, string>,
): NewJob {
  return {
    name: 'People to warehouse',
    source: {
      connector: 'test-source',
      object: 'people',
      options: {},
      encryptedCredentials: credentials ? encryptCredentials(credentials, MASTER_HASH) : null,
    },
    destination: {
      connector: 'test-destination',
      object: 'people',
      options: {},
      encryptedCredentials: null,
    },
    mapping: [
      { column: 'full_name', mapped: 'name' },
      { column: 'mail', mapped: 'email' },
      { column: 'note', mapped: '' },
    ],
    filterColumn: null,
    startSelection: null,
    startValue: null,
    endSelection: null,
    endValue: null,
    timezoneOffset: 0,
    updateMethod: 1,
    ...overrides,
  };
}
