import { readFile } from 'node:fs/promises';
import type { Env } from '@toolbelt/cli-kit';
import { ToolbeltError } from '@toolbelt/errors';
import type { Translate } from '@toolbelt/i18n';
import { checkColumnSpec, type MotColumnSpec } from './core/mot-columns.js';
import { checkSchoolYear } from './core/school-year.js';
import { isIsoDate, isTimeZone, localDate } from './core/stamp.js';

/** The flags of `sync` as oclif parsed them. */
export interface SyncFlags {
  'school-year'?: string | undefined;
  mot?: string | undefined;
  tracker?: string | undefined;
  today?: string | undefined;
  timezone: string;
  'mot-columns'?: string | undefined;
  'dry-run'?: boolean | undefined;
}

/** Validated settings of one sync run. */
export interface SyncSettings {
  schoolYear: string;
  mot: string;
  tracker: string;
  today: string;
  timeZone: string;
  columns: MotColumnSpec;
  dryRun: boolean;
}

/** Workbooks used when neither a flag nor the environment names a spreadsheet. */
export const DEFAULT_MOT = 'mot.xlsx';
export const DEFAULT_TRACKER = 'tech-tracker.xlsx';

function usage(t: Translate, key: string, params: Record<string, unknown>): ToolbeltError {
  const message = t(key, params);
  return new ToolbeltError('USAGE', message, { key: `tech-tracker:${key}`, params });
}

/**
 * Flags > env (`HR_MOT_SHEETS_ID`, `TECH_TRACKER_SHEETS_ID`) > defaults, checked: a missing or
 * malformed `--school-year`, `--today` or `--timezone` is a USAGE error (exit 64); a bad
 * `--mot-columns` file is CONFIG (exit 78).
 */
export async function resolveSyncSettings(
  flags: SyncFlags,
  env: Env,
  now: Date,
  t: Translate,
): Promise<SyncSettings> {
  const rawYear = flags['school-year'];
  if (rawYear === undefined || rawYear.trim() === '')
    throw usage(t, 'errors.schoolYearMissing', {});
  const year = checkSchoolYear(rawYear);
  if (!year.ok)
    throw usage(
      t,
      year.reason === 'format' ? 'errors.schoolYearFormat' : 'errors.schoolYearSequence',
      { value: rawYear },
    );
  if (!isTimeZone(flags.timezone)) throw usage(t, 'errors.timeZone', { value: flags.timezone });
  if (flags.today !== undefined && !isIsoDate(flags.today))
    throw usage(t, 'errors.today', { value: flags.today });
  const pick = (flag: string | undefined, variable: string, fallback: string): string =>
    flag?.trim() || env[variable]?.trim() || fallback;
  return {
    schoolYear: year.schoolYear,
    mot: pick(flags.mot, 'HR_MOT_SHEETS_ID', DEFAULT_MOT),
    tracker: pick(flags.tracker, 'TECH_TRACKER_SHEETS_ID', DEFAULT_TRACKER),
    today: flags.today ?? localDate(now, flags.timezone),
    timeZone: flags.timezone,
    columns: flags['mot-columns'] ? await readColumnSpec(flags['mot-columns'], t) : {},
    dryRun: flags['dry-run'] === true,
  };
}

/** Reads and checks a `--mot-columns` JSON file. */
export async function readColumnSpec(path: string, t: Translate): Promise<MotColumnSpec> {
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolbeltError('CONFIG', t('errors.motColumnsFile', { path, reason }), {
      key: 'tech-tracker:errors.motColumnsFile',
      params: { path, reason },
    });
  }
  const problems = checkColumnSpec(spec).map((p) =>
    t('errors.motColumnsInvalid', { field: p.field, ref: p.kind === 'invalidRef' ? p.ref : '' }),
  );
  if (problems.length > 0) {
    throw new ToolbeltError('CONFIG', problems.join('\n'), {
      key: 'tech-tracker:errors.motColumnsFile',
      params: { path, reason: problems.join('; ') },
      problems,
    });
  }
  return spec as MotColumnSpec;
}
