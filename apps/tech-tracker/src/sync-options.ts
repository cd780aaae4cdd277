import { readFile } from 'node:fs/promises';
import { inputFileError, inputFileProblem, usageProblems, type Env } from '@toolbelt/cli-kit';
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
  // Every flag problem at once (USAGE, 64), before any setting or file is looked at.
  const problems: ToolbeltError[] = [];
  const rawYear = flags['school-year'];
  const year =
    rawYear === undefined || rawYear.trim() === '' ? undefined : checkSchoolYear(rawYear);
  if (year === undefined) problems.push(usage(t, 'errors.schoolYearMissing', {}));
  else if (!year.ok)
    problems.push(
      usage(t, year.reason === 'format' ? 'errors.schoolYearFormat' : 'errors.schoolYearSequence', {
        value: rawYear,
      }),
    );
  if (!isTimeZone(flags.timezone))
    problems.push(usage(t, 'errors.timeZone', { value: flags.timezone }));
  if (flags.today !== undefined && !isIsoDate(flags.today))
    problems.push(usage(t, 'errors.today', { value: flags.today }));
  const pick = (flag: string | undefined, variable: string, fallback: string): string =>
    flag?.trim() || env[variable]?.trim() || fallback;
  const mot = pick(flags.mot, 'HR_MOT_SHEETS_ID', DEFAULT_MOT);
  // A workbook that is not there is named now, not as "tab not found" after opening it.
  const tracker = pick(flags.tracker, 'TECH_TRACKER_SHEETS_ID', DEFAULT_TRACKER);
  // The tracker workbook must be there too: its tabs are read before they are written.
  for (const book of [mot, tracker])
    if (/\.xlsx$/i.test(book) && inputFileProblem(book))
      problems.push(inputFileError(book, inputFileProblem(book)));
  const problem = usageProblems(problems, t);
  if (problem) throw problem;
  if (!year?.ok) throw new Error('unreachable: the school year was checked');
  return {
    schoolYear: year.schoolYear,
    mot,
    tracker,
    today: flags.today ?? localDate(now, flags.timezone),
    timeZone: flags.timezone,
    columns: flags['mot-columns'] ? await readColumnSpec(flags['mot-columns'], t) : {},
    dryRun: flags['dry-run'] === true,
  };
}

/** Reads and checks a `--mot-columns` JSON file. */
export async function readColumnSpec(path: string, t: Translate): Promise<MotColumnSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // The one wording of every tool; a settings file, so CONFIG (78).
    throw inputFileError(path, error, { code: 'CONFIG' });
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text);
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
