import { toToolbeltError, type MessageKey } from '@toolbelt/errors';
import type { SheetStore } from '@toolbelt/google';
import type { LogLevel } from '@toolbelt/log';
import type { NotificationOutcome, Notifier } from '@toolbelt/notify';
import type { ActivityRow, Defect, Rejection } from './core/activity.js';
import { dayWindow, type DayWindow } from './core/dates.js';
import type { ActivityStore, LoadOutcome } from './core/ports.js';
import { planReport, type ReportLabels } from './core/report.js';
import { computeStats, createDayCounter, type DayCounts, type DayStats } from './core/stats.js';
import { emptyTally, validRows, type RowTally } from './core/valid-rows.js';
import type { en } from './i18n/en.js';

/** A key of the `log` messages (`log.start`). */
export type LogKey = `log.${MessageKey<typeof en.log>}`;

/** The run's log, as data: render.ts words it. */
export interface RunLog {
  line: (level: LogLevel, key: LogKey, params?: Record<string, unknown>) => void;
  /** A failure that did not stop the run; the line names the error in the run's language. */
  failure: (
    key: 'log.reportFailed' | 'log.mailFailed',
    error: unknown,
    params?: Record<string, unknown>,
  ) => void;
  /** Another run holds the embedded data folder: this one waits for it. */
  waiting: (holder: { command: string; pid: number; dataDir: string }) => void;
  /** A corrupt record (one line per record, at debug level). */
  corrupt: (line: number, rejection: Rejection) => void;
  /** An accepted record with defects (one line per record, at debug level). */
  defects: (line: number, defects: readonly Defect[]) => void;
}

/** Told as the run goes (a progress bar on a terminal, the Ctrl-C note). */
export interface RunProgress {
  start: (days: readonly string[]) => Promise<void>;
  records: (count: number) => void;
  dayDone: () => void;
  stop: () => void;
}

/** The texts a run writes to the report and the mail, in the run's language. */
export interface RunTexts {
  reportLabels: ReportLabels;
  mail: (day: string, reportLink: string | undefined) => { subject: string; text: string };
}

/** The ports a run uses; `buildDeps` picks the adapters. */
export interface RunDeps {
  /** The records of a day's window (the API or a saved response), in batches. */
  openRecords: (day: string, testMode: boolean) => Promise<AsyncIterable<readonly unknown[]>>;
  /** Opened once, on the first day that loads (never in a dry run). */
  openStore: () => Promise<ActivityStore>;
  /** Undefined with --no-report. */
  openReport: (() => Promise<SheetStore>) | undefined;
  /** Undefined with --no-email. */
  openNotifier: (() => Promise<Notifier>) | undefined;
  /** The date prompt: a day, or undefined when the person quits. */
  askDay: () => Promise<string | undefined>;
  /** Today's date `YYYY-MM-DD` (the report's last row). */
  today: () => string;
  texts: RunTexts;
  log: RunLog;
  progress: RunProgress;
}

export interface RunOptions {
  /** The days to process; undefined: ask for one. */
  days: readonly string[] | undefined;
  testMode: boolean;
  /** Empty the whole table before the first day. */
  reset: boolean;
  dryRun: boolean;
}

/** What happened to one day. */
export interface DayResult extends RowTally {
  day: string;
  /** Rows written (0 in a dry run). */
  loaded: number;
  /** Rows an earlier load of the day had written that were replaced. */
  replaced: number;
  counts: DayCounts;
  stats: DayStats | null;
  /** Why there are no stats: `noUsers` or `noSubmits`. */
  noStatsReason?: 'noUsers' | 'noSubmits';
  reportUpdated: boolean;
  reportLocation?: string;
  /** Recipients the notification reached. */
  mailed: number;
  /** Problems that did not stop the run (report or mail failures). */
  problems: string[];
}

/** `--json` result: the days processed, or `exited` when the prompt was quit. */
export interface RunResult {
  dryRun: boolean;
  days: DayResult[];
  exited: boolean;
}

/**
 * Runs the daily pipeline for each day in turn: fetch -> validate -> load by COPY in one
 * transaction -> stats -> report -> e-mail. A source or database failure stops the run with
 * its error (no report, no mail for that day); report and mail failures are recorded as
 * problems of the day and the run goes on. Without days it asks for one.
 */
export async function runRun(deps: RunDeps, options: RunOptions): Promise<RunResult> {
  const asked = options.days ? undefined : await deps.askDay();
  const days = options.days ?? (asked ? [asked] : []);
  if (days.length === 0) {
    deps.log.line('info', 'log.exit');
    return { dryRun: options.dryRun, days: [], exited: true };
  }
  await deps.progress.start(days);
  const results: DayResult[] = [];
  let store: ActivityStore | undefined;
  const openStore = async (): Promise<ActivityStore> => {
    if (store) return store;
    store = await deps.openStore();
    deps.log.line('info', 'log.database', { target: store.kind });
    return store;
  };
  try {
    for (const [index, day] of days.entries()) {
      const reset = options.reset && index === 0;
      results.push(await runDay(deps, { ...options, reset }, day, openStore));
      deps.progress.dayDone();
    }
  } finally {
    deps.progress.stop();
    await store?.close();
  }
  if (options.dryRun) deps.log.line('info', 'log.dryRun');
  return { dryRun: options.dryRun, days: results, exited: false };
}

async function runDay(
  deps: RunDeps,
  options: RunOptions,
  day: string,
  openStore: () => Promise<ActivityStore>,
): Promise<DayResult> {
  const { log } = deps;
  log.line('info', 'log.start', { day });
  const window = dayWindow(day, options.testMode);
  const batches = await deps.openRecords(day, options.testMode);
  const tally = emptyTally();
  let sourceError: unknown;
  const rows = validRows(batches, tally, {
    corrupt: log.corrupt,
    defects: log.defects,
    batch: deps.progress.records,
    sourceFailed: (error) => (sourceError = error),
  });
  const load = options.dryRun
    ? { loaded: 0, replaced: 0, counts: await countRows(rows, window) }
    : await loadRows(await openStore(), day, window, rows, options, () => sourceError);
  if (options.reset && !options.dryRun) log.line('info', 'log.reset');
  log.line(tally.corrupt > 0 ? 'warn' : 'info', 'log.totals', {
    total: tally.read,
    accepted: tally.accepted,
    corrupt: tally.corrupt,
  });
  if (!options.dryRun)
    log.line('info', 'log.loaded', { loaded: load.loaded, replaced: load.replaced });
  log.line('info', 'log.stats', { day, ...load.counts });
  const outcome = computeStats(load.counts);
  const result: DayResult = {
    day,
    ...tally,
    loaded: load.loaded,
    replaced: load.replaced,
    counts: load.counts,
    stats: outcome.kind === 'ok' ? outcome.stats : null,
    reportUpdated: false,
    mailed: 0,
    problems: [],
  };
  if (outcome.kind === 'empty') {
    result.noStatsReason = outcome.reason;
    log.line('warn', `log.noStats.${outcome.reason}`, { day });
  }
  if (!options.dryRun) {
    await writeReport(deps, result);
    await sendMail(deps, result);
  }
  log.line('info', 'log.finished', { day });
  return result;
}

/** The day into the store; the source's own error (API stream cut, malformed JSON) says more than the COPY's. */
async function loadRows(
  store: ActivityStore,
  day: string,
  window: DayWindow,
  rows: AsyncIterable<ActivityRow>,
  options: RunOptions,
  sourceError: () => unknown,
): Promise<LoadOutcome> {
  try {
    return await store.loadDay(day, window, rows, {
      reset: options.reset,
      testMode: options.testMode,
    });
  } catch (error) {
    throw sourceError() ?? error;
  }
}

/** Dry run: the day's figures from the response itself, counted as the database counts. */
async function countRows(rows: AsyncIterable<ActivityRow>, window: DayWindow): Promise<DayCounts> {
  const counter = createDayCounter(window);
  for await (const row of rows) counter.add(row);
  return counter.counts();
}

async function writeReport(deps: RunDeps, result: DayResult): Promise<void> {
  if (!deps.openReport) {
    deps.log.line('info', 'log.reportSkipped');
    return;
  }
  if (!result.stats) return;
  try {
    const store = await deps.openReport();
    result.reportLocation = store.location;
    const tab = (await store.listTabs())[0] ?? 'Report';
    await store.ensureTab(tab);
    const labels = deps.texts.reportLabels;
    await store.write(planReport(tab, result.day, result.stats, labels, deps.today()));
    result.reportUpdated = true;
    deps.log.line('info', 'log.reportWritten', { location: store.location });
  } catch (error) {
    result.problems.push(`report: ${error instanceof Error ? error.message : String(error)}`);
    deps.log.failure('log.reportFailed', error);
  }
}

async function sendMail(deps: RunDeps, result: DayResult): Promise<void> {
  if (!deps.openNotifier) {
    deps.log.line('info', 'log.mailSkipped');
    return;
  }
  const link = result.reportUpdated ? result.reportLocation : undefined;
  let outcomes: NotificationOutcome[];
  try {
    const notifier = await deps.openNotifier();
    if (!notifier.configured) {
      deps.log.line('warn', 'log.mailNoRecipients');
      return;
    }
    outcomes = await notifier.send(deps.texts.mail(result.day, link));
  } catch (error) {
    // Settings were checked before the run: what fails here is the mail server itself.
    outcomes = [{ channel: 'email', ok: false, target: '', error: toToolbeltError(error) }];
  }
  const targets = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.ok) {
      result.mailed += outcome.to?.length ?? 0;
      targets.add(outcome.target);
      continue;
    }
    result.problems.push(`mail: ${outcome.error?.message ?? ''}`);
    deps.log.failure('log.mailFailed', outcome.error, { recipients: outcome.to?.join(', ') ?? '' });
  }
  if (result.mailed > 0)
    deps.log.line('info', 'log.mailSent', {
      count: result.mailed,
      target: [...targets].join(', '),
    });
}
