import { isToolbeltError, type ErrorCode, type Texts, type ToolbeltError } from '@toolbelt/errors';
import type { Logger } from '@toolbelt/log';
import type { SheetStore, TabData } from '@toolbelt/google';
import type { Translate } from '@toolbelt/i18n';
import type { NotificationOutcome, Notifier } from '@toolbelt/notify';
import type { BackupStore } from './adapters/backup-folder.js';
import {
  diffTracker,
  findDuplicateIds,
  type DiffCounts,
  type TrackerChange,
} from './core/diff-tracker.js';
import { CLEARED_RANGE, COL, tabNames } from './core/layout.js';
import {
  needsHeaders,
  MAX_COLUMNS,
  resolveMotColumns,
  type MotColumnSpec,
} from './core/mot-columns.js';
import { planRestoreWrites, planTrackerWrites, type PlannedWrite } from './core/plan-writes.js';
import { toClearedIds, toMotSheet, toTrackerSheet } from './core/sheet-rows.js';
import { composeNotification } from './core/notification.js';
import { formatLastUpdated } from './core/stamp.js';
import { messages } from './i18n/index.js';
import { columnProblem, layoutProblem } from './i18n/problems.js';

/** What the sync of the sheets needs from the outside world (`buildDeps` picks the adapters). */
export interface TrackerSyncDeps {
  mot: SheetStore;
  tracker: SheetStore;
  backups: BackupStore;
  logger: Logger;
  t: Translate;
  /** Google API calls made so far by both stores, by method (empty for workbooks). */
  apiCalls(): Record<string, number>;
  /** Told the stages of a large sync (a progress bar on a terminal); see PROGRESS_MIN_ROWS. */
  progress?: SyncProgress;
}

/** The stages of a sync after the read: diff, then (unless dry-run) backup and write. */
export interface SyncProgress {
  /** `total` stages; `rows` MOT rows compared. */
  start(total: number, rows: number): Promise<void>;
  /** One stage done; `changes` found so far. */
  advance(changes: number): void;
  stop(): void;
}

/** Syncs of at least this many MOT rows show their stages (a few thousand rows take seconds). */
export const PROGRESS_MIN_ROWS = 2000;

/** One sync's settings, already validated. */
export interface SyncOptions {
  schoolYear: string;
  /** `YYYY-MM-DD`: the date stamped on changes. */
  today: string;
  /** The run's instant, for A2. */
  now: Date;
  timeZone: string;
  dryRun: boolean;
  columns: MotColumnSpec;
}

/** The typed result printed with --json. */
export interface SyncResult {
  schoolYear: string;
  dryRun: boolean;
  today: string;
  mot: string;
  tracker: string;
  counts: DiffCounts;
  changes: TrackerChange[];
  /** `rows`: data rows and A2 written; `stamp`: only A2; `none`: dry run. */
  wrote: 'rows' | 'stamp' | 'none';
  /** The A2 text written (or that would be). */
  stamp: string;
  backup?: string;
  apiCalls: { total: number; byMethod: Record<string, number> };
}

/** The spreadsheets cannot be synced (DATA, 65): every problem at once, nothing written. */
function dataError(problems: readonly Texts[]): ToolbeltError {
  return messages.error(
    'DATA',
    'errors.data',
    {},
    {
      problems,
      hint: messages.text('errors.nothingWritten'),
    },
  );
}

function tabOf(tabs: readonly TabData[], i: number): TabData {
  const tab = tabs[i];
  if (!tab) throw messages.error('INTERNAL', 'errors.tabsReturned', { count: tabs.length });
  return tab;
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

function totalCalls(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * The sync of the sheets: read both spreadsheets (one read each), diff, and unless dry-run
 * back up the tracker tab and write one batch. A failed write is undone from the backup.
 */
export async function syncTracker(
  deps: TrackerSyncDeps,
  options: SyncOptions,
): Promise<SyncResult> {
  const { logger, t } = deps;
  const tabs = tabNames(options.schoolYear);

  // The strikethrough read needs the id column up front; only a header-name mapping of the id
  // costs one extra small read of the header rows.
  let idColumn: number | undefined;
  if (needsHeaders(options.columns, 'job_candidate_id')) {
    const [head] = await deps.mot.readTabs([{ tab: tabs.mot, range: 'A1:ZZ2' }]);
    const resolved = resolveMotColumns(options.columns, head?.values ?? [], MAX_COLUMNS);
    if (!resolved.ok) throw dataError(resolved.problems.map((p) => columnProblem(p, tabs.mot)));
    idColumn = resolved.columns.job_candidate_id;
  } else {
    // Bounded before any read: a column past ZZZ is reported (below, with the real width).
    const resolved = resolveMotColumns(options.columns, [], MAX_COLUMNS);
    idColumn = resolved.ok ? resolved.columns.job_candidate_id : undefined;
  }

  logger.info(t('log.reading', { mot: deps.mot.location, tracker: deps.tracker.location }));
  // Both reads at once; when both fail, the MOT's error is told, whichever came first, so that
  // the same input always gets the same message.
  const [motRead, trackerRead] = await Promise.allSettled([
    deps.mot.readTabs([{ tab: tabs.mot, strikethroughColumn: idColumn }]),
    deps.tracker.readTabs([{ tab: tabs.cleared, range: CLEARED_RANGE }, { tab: tabs.tracker }]),
  ]);
  const motTabs = settled(motRead);
  const trackerTabs = settled(trackerRead);
  const motTab = tabOf(motTabs, 0);
  const clearedTab = tabOf(trackerTabs, 0);
  const trackerTab = tabOf(trackerTabs, 1);

  const problems: Texts[] = [];
  const motWidth = motTab.values.reduce((w, row) => Math.max(w, row.length), 0);
  const columns = resolveMotColumns(options.columns, motTab.values.slice(0, 2), motWidth);
  if (!columns.ok) problems.push(...columns.problems.map((p) => columnProblem(p, tabs.mot)));
  const parsedTracker = toTrackerSheet(trackerTab.values);
  if (!parsedTracker.ok)
    problems.push(...parsedTracker.problems.map((p) => layoutProblem(p, tabs.tracker)));
  if (!columns.ok || !parsedTracker.ok) throw dataError(problems);

  const mot = toMotSheet(motTab.values, motTab.struck, columns.columns);
  const sheet = parsedTracker.sheet;
  const cleared = toClearedIds(clearedTab.values);
  const ids: [string, string[]][] = [
    [tabs.mot, mot.records.map((r) => r.values[COL.id] ?? '')],
    [tabs.tracker, sheet.rows.map((r) => r.cells[COL.id] ?? '')],
  ];
  for (const [tab, column] of ids) {
    const duplicates = findDuplicateIds(column);
    if (duplicates.length > 0)
      problems.push(messages.text('problems.duplicateIn', { tab, ids: duplicates.join(', ') }));
  }
  if (problems.length > 0) throw dataError(problems);
  logger.info(
    t('log.read', {
      mot: mot.records.length,
      struck: mot.rescindedIds.length,
      cleared: cleared.length,
      tracker: sheet.rows.length,
    }),
  );

  // A large sync shows its stages: diff, backup, write (a dry run: the diff only).
  const progress = mot.records.length >= PROGRESS_MIN_ROWS ? deps.progress : undefined;
  await progress?.start(options.dryRun ? 1 : 3, mot.records.length);
  try {
    const diff = diffTracker(mot.records, cleared, mot.rescindedIds, sheet.rows, options.today);
    progress?.advance(diff.changes.length);
    const stamp = formatLastUpdated(options.now, options.timeZone);
    const base = {
      schoolYear: options.schoolYear,
      dryRun: options.dryRun,
      today: options.today,
      mot: deps.mot.location,
      tracker: deps.tracker.location,
      counts: diff.counts,
      changes: diff.changes,
      stamp,
    };
    const calls = (): SyncResult['apiCalls'] => {
      const byMethod = deps.apiCalls();
      return { total: totalCalls(byMethod), byMethod };
    };
    if (options.dryRun) {
      logger.info(t('log.dryRun'));
      return { ...base, wrote: 'none', apiCalls: calls() };
    }

    // A Google tracker has no lock file: check that nobody changed the tab since it was read
    // (re-read it, compare cell for cell) and write nothing if they did.
    if (deps.tracker.kind === 'google') await checkUnchanged(deps, tabs.tracker, trackerTab);

    const backup = await deps.backups.save({
      location: deps.tracker.location,
      tab: tabs.tracker,
      takenAt: options.now.toISOString(),
      values: trackerTab.values,
    });
    logger.info(t('log.backup', { path: backup }));
    progress?.advance(diff.changes.length);
    const writes = planTrackerWrites(tabs.tracker, sheet, diff, stamp);
    if (!diff.changed && !sheet.fresh) logger.info(t('log.nothingToRefresh'));
    await writeOrRestore(deps, tabs.tracker, writes, trackerTab.values, backup);
    progress?.advance(diff.changes.length);
    const wrote = diff.changed ? 'rows' : 'stamp';
    logger.info(
      t(wrote === 'rows' ? 'log.wroteRows' : 'log.wroteStamp', {
        count: diff.rows.length,
        tab: tabs.tracker,
        stamp,
      }),
    );
    return { ...base, wrote, backup, apiCalls: calls() };
  } finally {
    progress?.stop();
  }
}

/**
 * Re-reads the tracker tab and compares it with what the sync read: when someone edited it
 * in between, TEMPFAIL (75) with nothing written; the next sync reads their edit. One extra
 * read per writing sync of a Google tracker (a window of one round trip remains).
 */
async function checkUnchanged(deps: TrackerSyncDeps, tab: string, read: TabData): Promise<void> {
  const [now] = await deps.tracker.readTabs([{ tab }]);
  if (JSON.stringify(now?.values ?? []) === JSON.stringify(read.values)) return;
  throw messages.error('TEMPFAIL', 'errors.trackerChanged', {
    tab,
    location: deps.tracker.location,
  });
}

/** Writes the batch; on failure puts the backed-up values back and throws a non-OK error. */
async function writeOrRestore(
  deps: TrackerSyncDeps,
  tab: string,
  writes: PlannedWrite[],
  backupValues: TabData['values'],
  backupPath: string,
): Promise<void> {
  const { logger, t } = deps;
  try {
    await deps.tracker.write(writes);
    return;
  } catch (error) {
    const code: ErrorCode =
      isToolbeltError(error) && error.code !== 'OK' ? error.code : 'UNAVAILABLE';
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(t('log.writeFailed', { reason }));
    try {
      await deps.tracker.write(planRestoreWrites(tab, backupValues, writes));
    } catch (restoreError) {
      const restoreReason =
        restoreError instanceof Error ? restoreError.message : String(restoreError);
      throw messages.error(
        code,
        'errors.writeAndRestoreFailed',
        { reason, restoreReason, path: backupPath },
        { cause: error },
      );
    }
    logger.warn(t('log.restored', { path: backupPath }));
    throw messages.error(
      code,
      'errors.writeFailedRestored',
      { reason, path: backupPath },
      { cause: error },
    );
  }
}

/** Everything a sync run needs: the sheets, the locks of local targets, the notification. */
export interface SyncDeps extends TrackerSyncDeps {
  /** Locks the run's local targets for the whole run (one writer per target); returns the release. */
  lockTargets(targets: readonly string[]): Promise<() => Promise<void>>;
  /** Undefined or unconfigured: no notification. */
  notifier?: Notifier | undefined;
  /** The run's log so far (its log file), for the notification body. */
  readLog(): Promise<string>;
  /** An error in the user's language (the shell's renderer), for the notification body. */
  describeError(error: unknown): string;
}

/** The sync's result plus how its notification went (printed with --json). */
export interface SyncReport extends SyncResult {
  notifications: {
    channel: NotificationOutcome['channel'];
    target: string;
    ok: boolean;
    to?: string[] | undefined;
    error?: string | undefined;
  }[];
}

/** A finished run: its report, and PARTIAL when a notification failed (the sync stands). */
export interface SyncRun {
  report: SyncReport;
  status: 'OK' | 'PARTIAL';
}

function toReportEntry(o: NotificationOutcome): SyncReport['notifications'][number] {
  return { channel: o.channel, target: o.target, ok: o.ok, to: o.to, error: o.error?.message };
}

async function notify(
  deps: SyncDeps,
  schoolYear: string,
  result: SyncResult | undefined,
  error: unknown,
): Promise<NotificationOutcome[]> {
  const { notifier, logger, t } = deps;
  if (!notifier?.configured) {
    logger.debug(t('log.noNotification'));
    return [];
  }
  const message = composeNotification(t, {
    schoolYear,
    log: await deps.readLog(),
    changes: result?.changes ?? [],
    error: error === undefined ? undefined : deps.describeError(error),
  });
  const outcomes = await notifier.send(message);
  for (const o of outcomes) {
    const to = (o.to ?? []).join(', ');
    if (o.ok)
      logger.info(
        o.channel === 'email'
          ? t('log.mailSent', { to, target: o.target })
          : t('log.slackSent', { target: o.target }),
      );
    else
      logger.error(
        o.channel === 'email'
          ? t('log.mailFailed', { to, reason: o.error?.message })
          : t('log.slackFailed', { reason: o.error?.message }),
      );
  }
  return outcomes;
}

/** Sends the notification of a failed sync; a failure to send is logged, never thrown. */
async function notifyFailure(deps: SyncDeps, schoolYear: string, error: unknown): Promise<void> {
  try {
    await notify(deps, schoolYear, undefined, error);
  } catch (notifyError) {
    const reason = notifyError instanceof Error ? notifyError.message : String(notifyError);
    deps.logger.error(deps.t('log.notifyFailed', { reason }));
  }
}

/**
 * One `tech-tracker sync`: locks the local targets (an .xlsx tracker, the backup folder) unless
 * dry-run, syncs the sheets and sends the notification, success or error. A failed
 * notification never undoes the sync: it is logged and reported, and the run is PARTIAL. A
 * failed sync is notified and then rethrown with its own exit code.
 */
export async function runSync(deps: SyncDeps, options: SyncOptions): Promise<SyncRun> {
  if (options.dryRun) {
    const result = await syncTracker(deps, options);
    return { report: { ...result, notifications: [] }, status: 'OK' };
  }
  const targets = [deps.backups.location];
  if (deps.tracker.kind === 'xlsx') targets.push(deps.tracker.location);
  const release = await deps.lockTargets(targets);
  try {
    const result = await syncTracker(deps, options).catch(async (error: unknown) => {
      await notifyFailure(deps, options.schoolYear, error);
      throw error;
    });
    const outcomes = await notify(deps, options.schoolYear, result, undefined);
    return {
      report: { ...result, notifications: outcomes.map(toReportEntry) },
      status: outcomes.every((o) => o.ok) ? 'OK' : 'PARTIAL',
    };
  } finally {
    await release();
  }
}
