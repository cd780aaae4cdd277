/**
 * The settings of `sync`: flags + env + the files the flags name -> checked settings, or every
 * problem at once. `checkSyncSettings` is the pure part (it gets what the files said);
 * `readSyncSettings` is its edge, which looks at the workbooks and reads the column map first.
 */
import { readFile } from 'node:fs/promises';
import { inputFileError, inputFileProblem, usageProblems, type Env } from '@toolbelt/cli-kit';
import { isIsoDate, isTimeZone, localDate } from '@toolbelt/dates';
import { configError, type Texts, type ToolbeltError } from '@toolbelt/errors';
import { notifierProblems } from '@toolbelt/notify';
import { checkColumnSpec, type MotColumnSpec } from './core/mot-columns.js';
import { checkSchoolYear } from './core/school-year.js';
import { messages } from './i18n/index.js';
import { columnProblem } from './i18n/problems.js';

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

/** What the files the flags name said, read by {@link readSettingsFiles}. */
export interface SettingsFiles {
  /** The system error that stops each named `.xlsx` workbook being read (readable: absent). */
  unreadable: ReadonlyMap<string, Error>;
  /** The `--mot-columns` file: its text, or the error reading it (no flag: undefined). */
  columnMap: { text: string } | { error: unknown } | undefined;
}

/** The settings, or every problem found: flag mistakes (USAGE) and bad settings (CONFIG). */
export interface SettingsCheck {
  settings: SyncSettings | undefined;
  problems: ToolbeltError[];
}

/** Workbooks used when neither a flag nor the environment names a spreadsheet. */
export const DEFAULT_MOT = 'mot.xlsx';
export const DEFAULT_TRACKER = 'tech-tracker.xlsx';

/** The two spreadsheets: flags > env (`HR_MOT_SHEETS_ID`, `TECH_TRACKER_SHEETS_ID`) > defaults. */
function spreadsheets(flags: SyncFlags, env: Env): { mot: string; tracker: string } {
  const pick = (flag: string | undefined, value: string | undefined, fallback: string) =>
    flag?.trim() || value?.trim() || fallback;
  return {
    mot: pick(flags.mot, env.HR_MOT_SHEETS_ID, DEFAULT_MOT),
    tracker: pick(flags.tracker, env.TECH_TRACKER_SHEETS_ID, DEFAULT_TRACKER),
  };
}

/**
 * Flags + env + what the files said -> the settings, checked all at once (pure): a missing or
 * malformed `--school-year`, `--today` or `--timezone` and a workbook that is not there are
 * flag mistakes (USAGE, 64); a bad `--mot-columns` file and bad notification settings
 * (`@toolbelt/notify`'s, checked in dry runs too) are settings problems (CONFIG, 78).
 */
export function checkSyncSettings(
  flags: SyncFlags,
  env: Env,
  now: Date,
  files: SettingsFiles,
): SettingsCheck {
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
  const { mot, tracker } = spreadsheets(flags, env);
  // A workbook that is not there is named now, not as "tab not found" after opening it; the
  // tracker's tabs are read before they are written, so it must be there too.
  for (const book of [mot, tracker]) {
    const problem = files.unreadable.get(book);
    if (problem) problems.push(inputFileError(book, problem));
  }
  const columns = columnSpec(flags['mot-columns'], files.columnMap);
  if ('problem' in columns) problems.push(columns.problem);
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

/** The `--mot-columns` map from its file's text: the map, or the problem with it (CONFIG). */
function columnSpec(
  path: string | undefined,
  file: SettingsFiles['columnMap'],
): { spec: MotColumnSpec } | { problem: ToolbeltError } {
  if (path === undefined || file === undefined) return { spec: {} };
  // The one wording of every tool; a settings file, so CONFIG (78).
  if ('error' in file) return { problem: inputFileError(path, file.error, { code: 'CONFIG' }) };
  let spec: unknown;
  try {
    spec = JSON.parse(file.text);
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
  const problems = checkColumnSpec(spec).map((p) => columnProblem(p));
  if (problems.length > 0)
    return {
      problem: messages.error('CONFIG', 'errors.motColumnsInvalid', { path }, { problems }),
    };
  return { spec: spec as MotColumnSpec };
}

/** Looks at the files the flags name: whether each `.xlsx` workbook can be read, the column map. */
export async function readSettingsFiles(flags: SyncFlags, env: Env): Promise<SettingsFiles> {
  const unreadable = new Map<string, Error>();
  for (const book of Object.values(spreadsheets(flags, env))) {
    const problem = /\.xlsx$/i.test(book) ? inputFileProblem(book) : undefined;
    if (problem) unreadable.set(book, problem);
  }
  const path = flags['mot-columns'];
  const columnMap =
    path === undefined
      ? undefined
      : await readFile(path, 'utf8').then(
          (text) => ({ text }),
          (error: unknown) => ({ error }),
        );
  return { unreadable, columnMap };
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
  const files = await readSettingsFiles(flags, env);
  const { settings, problems } = checkSyncSettings(flags, env, now, files);
  if (settings) return settings;
  throw settingsProblemsError(problems);
}
