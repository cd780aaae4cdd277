import type {
  ApplyResult,
  CalendarEvent,
  CalendarSink,
  CallCounts,
  ListEventsQuery,
} from '@toolbelt/google';
import type { IsoDate } from '@toolbelt/dates';
import { workingDays } from './core/working-days.js';
import {
  countDiff,
  diffCalendar,
  diffReplaceAll,
  toCalendarChanges,
  type CalendarDiff,
  type DiffEntry,
} from './core/diff.js';
import { ownerKey, ownerValue, toCalendarEvents } from './core/events.js';
import { planRota, type RotaDay } from './core/plan.js';
import {
  computeDaysWorked,
  computeFairness,
  type ConfigReport,
  type DaysWorked,
  type Fairness,
} from './core/reports.js';
import { createRng } from './core/rng.js';
import { cycleLength } from './core/team.js';
import { messages } from './i18n/index.js';
import type { Settings } from './settings.js';

/** What `runGenerate` needs from the outside world; `buildDeps` picks the adapters. */
export interface GenerateDeps {
  /** Where the rota goes: a Google calendar or an `.ics` file. */
  calendar: CalendarSink;
  /** A second sink that receives the whole rota as an `.ics` file, next to a Google calendar. */
  icsExport?: CalendarSink | undefined;
  /** Days off besides weekends. */
  holidays: ReadonlySet<IsoDate>;
  /** Writes one JSON report, returns its path. Absent: no reports. */
  writeReport?: ((name: string, data: unknown) => Promise<string>) | undefined;
  /** Asked before `--replace-all` deletes anything (without `--yes`). */
  confirmReplaceAll: (counts: DiffCounts) => Promise<boolean>;
  /**
   * Takes the one-writer lock of each file (sorted, so two runs never wait in a circle) and
   * returns its release. Absent: nothing to lock (tests with memory sinks).
   */
  lockFiles?: ((files: readonly string[]) => Promise<() => Promise<void>>) | undefined;
  /** Told as calendar changes are written (a progress bar on a terminal). */
  progress?:
    | {
        start(total: number): Promise<void>;
        advance(n: number): void;
        stop(): void;
      }
    | undefined;
}

/** What a run plans and how it writes: the part of the settings `runGenerate` reads. */
export type GenerateOptions = Pick<Settings, 'rota' | 'seed' | 'dryRun' | 'replaceAll' | 'yes'>;

export type DiffCounts = ReturnType<typeof countDiff>;

/** The outcome for one sink. */
export interface SyncResult {
  kind: 'google' | 'ics';
  location: string;
  counts: DiffCounts;
  /** Every planned write (what `--dry-run` prints). */
  changes: DiffEntry[];
  applied: number;
  failed: { id: string; kind: DiffEntry['kind']; message: string }[];
  /** API requests by method (Google), when the sink counts them. */
  calls?: CallCounts | undefined;
}

/** The typed result of `generate` (printed as JSON with `--json`). */
export interface GenerateResult {
  rota: string;
  seed: number;
  dryRun: boolean;
  replaceAll: boolean;
  /** False when `--replace-all` was not confirmed: nothing was written. */
  confirmed: boolean;
  dateRange: { start: IsoDate; end: IsoDate; cycles: number; totalDays: number };
  days: RotaDay[];
  calendar: SyncResult;
  icsExport?: SyncResult | undefined;
  fairness: Fairness;
  reports: string[];
}

/** The events a run diffs against: all from the start (replace-all) or only its own. */
function listQuery(options: GenerateOptions): ListEventsQuery {
  const from = options.rota.start;
  return options.replaceAll
    ? { from }
    : { from, privateProperty: { key: ownerKey, value: ownerValue(options.rota.name) } };
}

async function planSync(
  sink: CalendarSink,
  desired: CalendarEvent[],
  options: GenerateOptions,
): Promise<{ diff: CalendarDiff; listed: CalendarEvent[] }> {
  const listed = await sink.listEvents(listQuery(options));
  const diff = options.replaceAll
    ? diffReplaceAll(desired, listed)
    : diffCalendar(desired, listed, options.rota.name);
  return { diff, listed };
}

function canonical(events: readonly CalendarEvent[]): string {
  return JSON.stringify(
    [...events]
      .map((e) => [
        e.id,
        e.summary,
        e.start,
        e.end,
        e.description ?? '',
        Object.entries(e.privateProperties ?? {}).sort(([a], [b]) => a.localeCompare(b)),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

/**
 * A Google calendar has no lock file: just before writing, list the same events again and
 * compare them with the listing the diff was planned on. When someone (or another run)
 * changed them meanwhile, TEMPFAIL (75) with nothing written; the next run plans on theirs.
 */
async function checkUnchanged(
  sink: CalendarSink,
  options: GenerateOptions,
  before: readonly CalendarEvent[],
): Promise<void> {
  if (sink.kind !== 'google') return;
  const now = await sink.listEvents(listQuery(options));
  if (canonical(now) === canonical(before)) return;
  throw messages.error('TEMPFAIL', 'errors.calendarChanged', {
    location: sink.location,
    rota: options.rota.name,
  });
}

function toSyncResult(
  sink: CalendarSink,
  diff: CalendarDiff,
  applied: ApplyResult | undefined,
): SyncResult {
  return {
    kind: sink.kind,
    location: sink.location,
    counts: countDiff(diff),
    changes: diff.entries,
    applied: applied?.applied ?? 0,
    failed: (applied?.failed ?? []).map(({ change, error }) => ({
      id: change.kind === 'delete' ? change.id : change.event.id,
      kind: change.kind,
      message: error.message,
    })),
    calls: sink.callCounts?.(),
  };
}

/** The files the run writes that take a one-writer lock: its `.ics` sinks. */
function lockedFiles(deps: GenerateDeps): string[] {
  return [deps.calendar, deps.icsExport]
    .filter((sink) => sink?.kind === 'ics')
    .map((sink) => (sink as CalendarSink).location);
}

/**
 * Plan the rota, diff it against each sink, write (unless dry-run), write the reports. One
 * writer per `.ics` file: a run that writes holds the lock of each from before it reads the
 * file until it has written (a dry run takes none).
 */
export async function runGenerate(
  deps: GenerateDeps,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const release =
    options.dryRun || !deps.lockFiles ? undefined : await deps.lockFiles(lockedFiles(deps));
  try {
    return await planAndWrite(deps, options);
  } finally {
    await release?.();
  }
}

async function planAndWrite(deps: GenerateDeps, options: GenerateOptions): Promise<GenerateResult> {
  const { rota: settings } = options;
  const days = workingDays(
    settings.start,
    settings.cycles * cycleLength(settings.team),
    deps.holidays,
  );
  const rota = planRota(settings.team, days, createRng(options.seed));
  const desired = toCalendarEvents(rota, settings.name);
  const end = days[days.length - 1] as IsoDate;

  const { diff, listed } = await planSync(deps.calendar, desired, options);
  const changes = toCalendarChanges(diff, desired);
  let confirmed = true;
  if (options.replaceAll && !options.dryRun && !options.yes && changes.length > 0)
    confirmed = await deps.confirmReplaceAll(countDiff(diff));
  const write = !options.dryRun && confirmed && changes.length > 0;
  if (write) await checkUnchanged(deps.calendar, options, listed);
  let applied: ApplyResult | undefined;
  if (write) {
    const progress = deps.progress;
    await progress?.start(changes.length);
    try {
      applied = await deps.calendar.apply(
        changes,
        progress ? { onProgress: (n) => progress.advance(n) } : {},
      );
    } finally {
      progress?.stop();
    }
  }
  const calendar = toSyncResult(deps.calendar, diff, applied);

  let icsExport: SyncResult | undefined;
  if (deps.icsExport) {
    const { diff: icsDiff } = await planSync(deps.icsExport, desired, {
      ...options,
      replaceAll: false,
    });
    const icsChanges = toCalendarChanges(icsDiff, desired);
    const icsApplied =
      !options.dryRun && confirmed && icsChanges.length > 0
        ? await deps.icsExport.apply(icsChanges)
        : undefined;
    icsExport = toSyncResult(deps.icsExport, icsDiff, icsApplied);
  }

  // As the original's report: start and end are the first and last rota days (a start_date
  // on a weekend or a holiday is not one).
  const dateRange = {
    start: days[0] ?? settings.start,
    end,
    cycles: settings.cycles,
    totalDays: days.length,
  };
  const reports: string[] = [];
  if (deps.writeReport && !options.dryRun) {
    const holidaysSkipped = [...deps.holidays]
      .filter((d) => d >= settings.start && d <= end)
      .sort();
    const configReport: ConfigReport = {
      rota: settings.name,
      dateRange,
      calendar:
        settings.calendar.kind === 'google'
          ? { kind: 'google', name: settings.calendar.name, id: settings.calendar.id }
          : { kind: 'ics', name: 'ics', id: settings.calendar.path },
      team: {
        startCycleWith: settings.team.first.name,
        groups: {
          [settings.team.first.name]: [...settings.team.first.members],
          [settings.team.second.name]: [...settings.team.second.members],
        },
      },
      seed: options.seed,
      holidaysSkipped,
    };
    const daysWorked: { rota: string; dateRange: typeof dateRange; people: DaysWorked[] } = {
      rota: settings.name,
      dateRange,
      people: computeDaysWorked(settings.team, rota),
    };
    reports.push(await deps.writeReport('config-report.json', configReport));
    reports.push(await deps.writeReport('days-worked.json', daysWorked));
  }

  return {
    rota: settings.name,
    seed: options.seed,
    dryRun: options.dryRun,
    replaceAll: options.replaceAll,
    confirmed,
    dateRange,
    days: rota,
    calendar,
    icsExport,
    fairness: computeFairness(settings.team, rota),
    reports,
  };
}
