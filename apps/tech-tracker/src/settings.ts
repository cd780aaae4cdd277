import { readFile } from 'node:fs/promises';
import { inputFileError, inputFileProblem, usageProblems, type Env } from '@toolbelt/cli-kit';
import { isIsoDate, isTimeZone, localDate } from '@toolbelt/dates';
import { configError, type Texts, type ToolbeltError } from '@toolbelt/errors';
import { checkColumnSpec, type MotColumnSpec } from './core/mot-columns.js';
import { checkSchoolYear } from './core/school-year.js';
import { messages } from './i18n/index.js';

/** The flags of `sync` as oclif parsed them. */
export interface SyncFlags {
  'school-year'?: string | undefined;
  mot?: string | undefined;
  tracker?: string | undefined;
  today?: string | undefined;
  timezone: string;
  'mot-columns'?: string | undefined;
  'backup-dir': string;
  'dry-run'?: boolean | undefined;
  'no-wait'?: boolean | undefined;
}

/** Validated settings of one sync run. */
export interface SyncSettings {
  schoolYear: string;
  /** MOT: Google id/URL or `.xlsx` path. */
  mot: string;
  /** Tech Tracker: Google id/URL or `.xlsx` path. */
  tracker: string;
  /** `YYYY-MM-DD`: the date stamped on changes. */
  today: string;
  timeZone: string;
  columns: MotColumnSpec;
  backupDir: string;
  dryRun: boolean;
  /** False (`--no-wait`): a target locked by another run fails at once (75). */
  wait: boolean;
}

/** The settings, or every problem found: flag mistakes (USAGE) and bad settings (CONFIG). */
export interface SettingsCheck {
  settings: SyncSettings | undefined;
  problems: ToolbeltError[];
}

/** Workbooks used when neither a flag nor the environment names a spreadsheet. */
export const DEFAULT_MOT = 'mot.xlsx';
export const DEFAULT_TRACKER = 'tech-tracker.xlsx';

const pick = (flag: string | undefined, value: string | undefined, fallback: string): string =>
  flag?.trim() || value?.trim() || fallback;

/**
 * Flags > env (`HR_MOT_SHEETS_ID`, `TECH_TRACKER_SHEETS_ID`) > defaults, checked all at once: a
 * missing or malformed `--school-year`, `--today` or `--timezone` and a workbook that is not
 * there are flag mistakes (USAGE, 64); a bad `--mot-columns` file is a settings problem
 * (CONFIG, 78). Reads only the files the flags name.
 */
export async function checkSyncSettings(
  flags: SyncFlags,
  env: Env,
  now: Date,
): Promise<SettingsCheck> {
  const problems: ToolbeltError[] = [];
  const rawYear = flags['school-year']?.trim() ? flags['school-year'] : undefined;
  const year = rawYear === undefined ? undefined : checkSchoolYear(rawYear);
  if (year === undefined) problems.push(messages.error('USAGE', 'problems.schoolYearMissing'));
  else if (!year.ok)
    problems.push(
      messages.error(
        'USAGE',
        year.reason === 'format' ? 'problems.schoolYearFormat' : 'problems.schoolYearSequence',
        { value: rawYear },
      ),
    );
  const timeZone = flags.timezone;
  if (!isTimeZone(timeZone))
    problems.push(messages.error('USAGE', 'problems.timeZone', { value: timeZone }));
  if (flags.today !== undefined && !isIsoDate(flags.today))
    problems.push(messages.error('USAGE', 'problems.today', { value: flags.today }));
  const mot = pick(flags.mot, env.HR_MOT_SHEETS_ID, DEFAULT_MOT);
  const tracker = pick(flags.tracker, env.TECH_TRACKER_SHEETS_ID, DEFAULT_TRACKER);
  // A workbook that is not there is named now, not as "tab not found" after opening it; the
  // tracker's tabs are read before they are written, so it must be there too.
  for (const book of [mot, tracker]) {
    const problem = /\.xlsx$/i.test(book) ? inputFileProblem(book) : undefined;
    if (problem) problems.push(inputFileError(book, problem));
  }
  const columnsFile = flags['mot-columns'];
  const columns = columnsFile ? await readColumnSpec(columnsFile) : { spec: {} };
  if ('problem' in columns) problems.push(columns.problem);
  // The notification settings are settings too: checked with the rest, in dry runs as well.
  const { notifierProblems } = await import('@toolbelt/notify');
  const notify = notifierProblems(env);
  if (notify.length > 0) problems.push(configError(notify));
  if (!year?.ok || !('spec' in columns) || problems.length > 0)
    return { settings: undefined, problems };
  return {
    settings: {
      schoolYear: year.schoolYear,
      mot,
      tracker,
      // An unknown zone is a problem above: today is asked of a valid one only.
      today: flags.today ?? localDate(now, timeZone),
      timeZone,
      columns: columns.spec,
      backupDir: flags['backup-dir'],
      dryRun: flags['dry-run'] === true,
      wait: flags['no-wait'] !== true,
    },
    problems: [],
  };
}

/**
 * The one error of a run's settings problems: the flag mistakes first (USAGE, 64; all of them
 * in one list), else the settings problems (CONFIG, 78; all in one list). A single problem is
 * its own error.
 */
export function settingsProblemsError(problems: readonly ToolbeltError[]): ToolbeltError {
  const usage = usageProblems(problems.filter((p) => p.code === 'USAGE'));
  if (usage) return usage;
  const [first] = problems;
  if (first && problems.length === 1) return first;
  return configError(problems.flatMap(textsOf));
}

/**
 * A problem's words in every language, for the list: an error that lists problems itself (the
 * notification settings) gives each of them.
 */
function textsOf(error: ToolbeltError): (Texts | string)[] {
  const [en, ru] = [error.localized('en'), error.localized('ru')];
  if (en.problems.length === 0) return [error.texts ?? error.message];
  return en.problems.map((p, i) => ({ en: p, ru: ru.problems[i] ?? p }));
}

/** The checked settings of a run; every problem at once as one error otherwise. */
export async function readSyncSettings(
  flags: SyncFlags,
  env: Env,
  now: Date,
): Promise<SyncSettings> {
  const { settings, problems } = await checkSyncSettings(flags, env, now);
  if (settings) return settings;
  throw settingsProblemsError(problems);
}

/** Reads and checks a `--mot-columns` JSON file: the map, or the problem with it (CONFIG). */
async function readColumnSpec(
  path: string,
): Promise<{ spec: MotColumnSpec } | { problem: ToolbeltError }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // The one wording of every tool; a settings file, so CONFIG (78).
    return { problem: inputFileError(path, error, { code: 'CONFIG' }) };
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problem: messages.error(
        'CONFIG',
        'errors.motColumnsFile',
        { path, reason },
        { cause: error },
      ),
    };
  }
  const problems = checkColumnSpec(spec).map((p) =>
    messages.text('problems.motColumnRef', {
      field: p.field,
      ref: p.kind === 'invalidRef' ? p.ref : '',
    }),
  );
  if (problems.length > 0)
    return {
      problem: messages.error('CONFIG', 'errors.motColumnsInvalid', { path }, { problems }),
    };
  return { spec: spec as MotColumnSpec };
}
