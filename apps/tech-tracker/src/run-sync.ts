import { ToolbeltError, isToolbeltError } from '@toolbelt/errors';
import type { Logger } from '@toolbelt/log';
import type { SheetStore, TabData } from '@toolbelt/google';
import type { Translate } from '@toolbelt/i18n';
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
  type ColumnProblem,
  type MotColumnSpec,
} from './core/mot-columns.js';
import { planRestoreWrites, planTrackerWrites, type PlannedWrite } from './core/plan-writes.js';
import { toClearedIds, toMotSheet, toTrackerSheet, type LayoutProblem } from './core/sheet-rows.js';
import { formatLastUpdated } from './core/stamp.js';

/** What the sync needs from the outside world; `buildDeps` in the command picks the adapters. */
export interface SyncDeps {
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

function describeColumnProblem(t: Translate, p: ColumnProblem, tab: string): string {
  if (p.kind === 'headerNotFound')
    return t('errors.motHeaderNotFound', { field: p.field, header: p.header, tab });
  if (p.kind === 'outOfRange')
    return t('errors.motColumnOutOfRange', { field: p.field, column: p.column, last: p.last, tab });
  if (p.kind === 'ambiguousHeader')
    return t('errors.motHeaderAmbiguous', {
      field: p.field,
      header: p.header,
      columns: p.columns.join(', '),
      tab,
    });
  return t('errors.motColumnsInvalid', {
    field: p.field,
    ref: p.kind === 'invalidRef' ? p.ref : '',
  });
}

function describeLayoutProblem(t: Translate, p: LayoutProblem, tab: string): string {
  if (p.kind === 'noHeader') return t('errors.trackerNoHeader', { tab, rows: p.rows });
  return t('errors.trackerHeader', { tab, cell: p.column, expected: p.expected, found: p.found });
}

function dataError(t: Translate, problems: string[]): ToolbeltError {
  return new ToolbeltError(
    'DATA',
    `The spreadsheets cannot be synced:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    {
      key: 'tech-tracker:errors.data',
      params: { problems: problems.map((p) => `  - ${p}`).join('\n') },
      problems,
      hint: t('errors.nothingWritten'),
    },
  );
}

function tabOf(tabs: readonly TabData[], i: number): TabData {
  const tab = tabs[i];
  if (!tab)
    throw new ToolbeltError(
      'INTERNAL',
      `The sheet store returned ${tabs.length} tabs, expected more`,
    );
  return tab;
}

function totalCalls(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * One sync: read both spreadsheets (one read each), diff, and unless dry-run back up the
 * tracker tab and write one batch. A failed write is undone from the backup.
 */
export async function runSync(deps: SyncDeps, options: SyncOptions): Promise<SyncResult> {
  const { logger, t } = deps;
  const tabs = tabNames(options.schoolYear);

  // The strikethrough read needs the id column up front; only a header-name mapping of the id
  // costs one extra small read of the header rows.
  let idColumn: number | undefined;
  if (needsHeaders(options.columns, 'job_candidate_id')) {
    const [head] = await deps.mot.readTabs([{ tab: tabs.mot, range: 'A1:ZZ2' }]);
    const resolved = resolveMotColumns(options.columns, head?.values ?? [], MAX_COLUMNS);
    if (!resolved.ok)
      throw dataError(
        t,
        resolved.problems.map((p) => describeColumnProblem(t, p, tabs.mot)),
      );
    idColumn = resolved.columns.job_candidate_id;
  } else {
    // Bounded before any read: a column past ZZZ is reported (below, with the real width).
    const resolved = resolveMotColumns(options.columns, [], MAX_COLUMNS);
    idColumn = resolved.ok ? resolved.columns.job_candidate_id : undefined;
  }

  logger.info(t('log.reading', { mot: deps.mot.location, tracker: deps.tracker.location }));
  const [motTabs, trackerTabs] = await Promise.all([
    deps.mot.readTabs([
      { tab: tabs.mot, ...(idColumn === undefined ? {} : { strikethroughColumn: idColumn }) },
    ]),
    deps.tracker.readTabs([{ tab: tabs.cleared, range: CLEARED_RANGE }, { tab: tabs.tracker }]),
  ]);
  const motTab = tabOf(motTabs, 0);
  const clearedTab = tabOf(trackerTabs, 0);
  const trackerTab = tabOf(trackerTabs, 1);

  const problems: string[] = [];
  const motWidth = motTab.values.reduce((w, row) => Math.max(w, row.length), 0);
  const columns = resolveMotColumns(options.columns, motTab.values.slice(0, 2), motWidth);
  if (!columns.ok)
    problems.push(...columns.problems.map((p) => describeColumnProblem(t, p, tabs.mot)));
  const parsedTracker = toTrackerSheet(trackerTab.values);
  if (!parsedTracker.ok)
    problems.push(...parsedTracker.problems.map((p) => describeLayoutProblem(t, p, tabs.tracker)));
  if (!columns.ok || !parsedTracker.ok) throw dataError(t, problems);

  const mot = toMotSheet(motTab.values, motTab.struck, columns.columns);
  const sheet = parsedTracker.sheet;
  const cleared = toClearedIds(clearedTab.values);
  const motDuplicates = findDuplicateIds(mot.records.map((r) => r.values[COL.id] ?? ''));
  if (motDuplicates.length > 0)
    problems.push(t('errors.duplicateIn', { tab: tabs.mot, ids: motDuplicates.join(', ') }));
  const trackerDuplicates = findDuplicateIds(sheet.rows.map((r) => r.cells[COL.id] ?? ''));
  if (trackerDuplicates.length > 0)
    problems.push(
      t('errors.duplicateIn', { tab: tabs.tracker, ids: trackerDuplicates.join(', ') }),
    );
  if (problems.length > 0) throw dataError(t, problems);
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
async function checkUnchanged(deps: SyncDeps, tab: string, read: TabData): Promise<void> {
  const [now] = await deps.tracker.readTabs([{ tab }]);
  if (JSON.stringify(now?.values ?? []) === JSON.stringify(read.values)) return;
  const params = { tab, location: deps.tracker.location };
  throw new ToolbeltError(
    'TEMPFAIL',
    `${tab} in ${deps.tracker.location} was changed by someone else while this sync ran; nothing was written. Run the sync again.`,
    { key: 'tech-tracker:errors.trackerChanged', params },
  );
}

/** Writes the batch; on failure puts the backed-up values back and throws a non-OK error. */
async function writeOrRestore(
  deps: SyncDeps,
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
    const code = isToolbeltError(error) && error.code !== 'OK' ? error.code : 'UNAVAILABLE';
    const reason = error instanceof Error ? error.message : String(error);
    logger.error(t('log.writeFailed', { reason }));
    try {
      await deps.tracker.write(planRestoreWrites(tab, backupValues, writes));
      logger.warn(t('log.restored', { path: backupPath }));
      throw new ToolbeltError(
        code,
        `Writing the tracker failed (${reason}); the tab was restored from ${backupPath}`,
        {
          cause: error,
          key: 'tech-tracker:errors.writeFailedRestored',
          params: { reason, path: backupPath },
        },
      );
    } catch (restoreError) {
      if (
        isToolbeltError(restoreError) &&
        restoreError.key === 'tech-tracker:errors.writeFailedRestored'
      )
        throw restoreError;
      const restoreReason =
        restoreError instanceof Error ? restoreError.message : String(restoreError);
      throw new ToolbeltError(
        code,
        `Writing the tracker failed (${reason}) and restoring it failed too (${restoreReason}); restore it from ${backupPath}`,
        {
          cause: error,
          key: 'tech-tracker:errors.writeAndRestoreFailed',
          params: { reason, restoreReason, path: backupPath },
        },
      );
    }
  }
}
