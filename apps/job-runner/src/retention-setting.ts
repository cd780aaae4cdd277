import { Flags } from '@oclif/core';
import type { Queryable } from '@toolbelt/db';
import { ToolbeltError } from '@toolbelt/errors';
import type { Translate } from '@toolbelt/i18n';
import { parseRetention, toPruneCriteria } from './core/retention.js';

/** The `--retention` flag of `serve` and `worker`. */
export const retentionFlags = {
  retention: Flags.string({
    summary:
      'Delete finished runs past this, hourly: an age (30d), runs per job (100 runs) or both (30d, 100 runs). Also JOB_RUNNER_RETENTION.',
  }),
};

/**
 * Start applying the retention setting (flag, else JOB_RUNNER_RETENTION) on this database; a
 * no-op when none is set. Returns the stop function. A bad value is a USAGE error.
 */
export async function startRetentionSetting(options: {
  flag: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  db: Queryable;
  now: () => Date;
  t: Translate;
  log: (message: string) => void;
  intervalMs?: number;
}): Promise<() => Promise<void>> {
  const text = options.flag ?? options.env.JOB_RUNNER_RETENTION;
  if (text === undefined || text.trim() === '') return async () => {};
  const retention = parseRetention(text);
  if (!retention)
    throw new ToolbeltError('USAGE', `Use a retention like 30d or 100 runs (got "${text}")`, {
      key: 'job-runner:errors.badRetention',
      params: { value: text },
    });
  const { startRetention } = await import('./adapters/run-retention.js');
  return startRetention(options.db, {
    criteriaAt: (now) => toPruneCriteria(retention, now),
    now: options.now,
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    report: (deleted) => {
      if (deleted instanceof Error) options.log(deleted.message);
      else if (deleted > 0) options.log(options.t('prune.auto', { count: deleted }));
    },
  });
}
