import { z } from 'zod';
import { isIsoDate, type IsoDate } from '@toolbelt/dates';
import { cycleLength, validateTeam, type Team, type TeamProblem } from './team.js';

/**
 * Bounds of a rota (README, "Limits"): the first day between 1900-01-01 and 2199-12-31, at
 * most 10,000 cycles and at most 40,000 working days (cycles x people), i.e. about 150
 * years; so every date stays a four-digit year and the plan and the .ics fit in memory.
 */
export const LIMITS = {
  firstStart: '1900-01-01',
  lastStart: '2199-12-31',
  maxCycles: 10_000,
  maxDays: 40_000,
} as const;

/** Where a setting came from: decides the exit code of a problem (flags 64, config 78). */
export type SettingSource = 'flag' | 'config';

/** A settings problem as data: an i18n key under `problems.` and its parameters. */
export interface SettingsProblem {
  source: SettingSource;
  code:
    | TeamProblem['code']
    | 'badDate'
    | 'badCycles'
    | 'startOutOfRange'
    | 'tooManyCycles'
    | 'tooManyDays'
    | 'badSeed'
    | 'unknownCalendar'
    | 'noTeam';
  params: Record<string, string | number>;
}

const calendarBlock = z
  .object({
    /** Which of `calendar_ids` to write to (the original's `calendar`: `dev-1`, `dev-2`, `prod`). */
    selected: z.string().min(1).optional(),
    calendar: z.string().min(1).optional(),
    calendar_ids: z.record(z.string(), z.string().min(1)).optional(),
    /** `.ics` file: the embedded default, or an extra export next to a Google calendar. */
    ics: z.string().min(1).optional(),
  })
  .strict();

/** The config file (YAML or JSON), mirroring the original `settings.py` dictionaries. */
export const configFileSchema = z
  .object({
    /** Rota name: part of every event id and the ownership mark. */
    name: z.string().min(1).optional(),
    calendar: calendarBlock.optional(),
    /** The original's dictionary name, accepted as an alias of `calendar`. */
    google_calendar_api: calendarBlock.loose().optional(),
    support_team: z
      .object({ start_cycle_with: z.string() })
      .catchall(z.array(z.string()))
      .optional(),
    date_range: z
      .object({ start_date: z.string().optional(), n_cycles: z.number().optional() })
      .strict()
      .optional(),
    holidays: z.string().min(1).optional(),
    seed: z.number().optional(),
    report_dir: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

/** Values given on the command line (they override the file). */
export interface FlagSettings {
  start?: string;
  cycles?: number;
  startWith?: string;
  calendar?: string;
  ics?: string;
  seed?: number;
  holidays?: string;
  reportDir?: string;
}

/** Where the rota goes. */
export type CalendarTarget =
  | { kind: 'google'; name: string; id: string }
  | { kind: 'ics'; path: string; source: SettingSource | 'default' };

/** Everything a run needs, checked. Paths are as written (the shell resolves them). */
export interface RotaSettings {
  name: string;
  team: Team;
  start: IsoDate;
  cycles: number;
  calendar: CalendarTarget;
  /** `.ics` export of the whole rota next to a Google calendar. */
  icsExport?: { path: string; source: SettingSource } | undefined;
  seed?: number | undefined;
  holidays?: { path: string; source: SettingSource } | undefined;
  reportDir?: { path: string; source: SettingSource } | undefined;
}

export type SettingsResult =
  { ok: true; settings: RotaSettings } | { ok: false; problems: SettingsProblem[] };

export const defaultRotaName = 'support-rota';
export const defaultIcsPath = 'support-rota.ics';

/** A calendar reference that is an id rather than a name of `calendar_ids`. */
const looksLikeCalendarId = (value: string): boolean => value.includes('@') || value === 'primary';

const pick = <T>(
  flag: T | undefined,
  file: T | undefined,
): { value: T | undefined; source: SettingSource } =>
  flag !== undefined ? { value: flag, source: 'flag' } : { value: file, source: 'config' };

/**
 * Merge the config file (its shape already checked by `configFileSchema`) with the flags and
 * check everything at once: dates, cycles, team, calendar. Nothing here touches a calendar.
 */
export function resolveSettings(file: ConfigFile, flags: FlagSettings): SettingsResult {
  const problems: SettingsProblem[] = [];

  const start = pick(flags.start, file.date_range?.start_date);
  const startSetting = start.source === 'flag' ? '--start' : 'date_range.start_date';
  if (start.value === undefined || !isIsoDate(start.value))
    problems.push({
      source: start.source,
      code: 'badDate',
      params: { setting: startSetting, value: start.value ?? '' },
    });
  else if (start.value < LIMITS.firstStart || start.value > LIMITS.lastStart)
    problems.push({
      source: start.source,
      code: 'startOutOfRange',
      params: {
        setting: startSetting,
        value: start.value,
        min: LIMITS.firstStart,
        max: LIMITS.lastStart,
      },
    });

  const cycles = pick(flags.cycles, file.date_range?.n_cycles);
  const cyclesSetting = cycles.source === 'flag' ? '--cycles' : 'date_range.n_cycles';
  if (cycles.value === undefined || !Number.isInteger(cycles.value) || cycles.value < 1)
    problems.push({
      source: cycles.source,
      code: 'badCycles',
      params: { setting: cyclesSetting, value: String(cycles.value ?? '') },
    });
  else if (cycles.value > LIMITS.maxCycles)
    problems.push({
      source: cycles.source,
      code: 'tooManyCycles',
      params: { setting: cyclesSetting, value: String(cycles.value), max: LIMITS.maxCycles },
    });

  const seed = pick(flags.seed, file.seed);
  if (seed.value !== undefined && (!Number.isSafeInteger(seed.value) || seed.value < 0))
    problems.push({ source: seed.source, code: 'badSeed', params: { value: seed.value } });

  let team: Team | undefined;
  if (!file.support_team) problems.push({ source: 'config', code: 'noTeam', params: {} });
  else {
    const { start_cycle_with: fileStart, ...groups } = file.support_team;
    const startWith = pick(flags.startWith, fileStart);
    const checked = validateTeam({ startCycleWith: startWith.value ?? '', groups });
    if (checked.ok) team = checked.team;
    else
      for (const p of checked.problems)
        problems.push({
          source: p.code === 'invalidGroup' ? startWith.source : 'config',
          code: p.code,
          params: p.params,
        });
  }

  const block = file.calendar ?? file.google_calendar_api;
  const ids = block?.calendar_ids ?? {};
  const selected = pick(flags.calendar, block?.selected ?? block?.calendar);
  const ics = pick(flags.ics, block?.ics);
  let calendar: CalendarTarget | undefined;
  if (selected.value === undefined)
    calendar = {
      kind: 'ics',
      path: ics.value ?? defaultIcsPath,
      source: ics.value === undefined ? 'default' : ics.source,
    };
  else if (ids[selected.value])
    calendar = { kind: 'google', name: selected.value, id: ids[selected.value] as string };
  else if (looksLikeCalendarId(selected.value))
    calendar = { kind: 'google', name: selected.value, id: selected.value };
  else
    problems.push({
      source: selected.source,
      code: 'unknownCalendar',
      params: { name: selected.value, known: Object.keys(ids).join(', ') || '-' },
    });

  if (
    team &&
    cycles.value !== undefined &&
    Number.isInteger(cycles.value) &&
    cycles.value >= 1 &&
    cycles.value <= LIMITS.maxCycles &&
    cycles.value * cycleLength(team) > LIMITS.maxDays
  )
    problems.push({
      source: cycles.source,
      code: 'tooManyDays',
      params: {
        setting: cyclesSetting,
        value: String(cycles.value),
        people: cycleLength(team),
        days: cycles.value * cycleLength(team),
        max: LIMITS.maxDays,
      },
    });

  if (problems.length > 0 || !team || !calendar) return { ok: false, problems };
  const holidays = pick(flags.holidays, file.holidays);
  const reportDir = pick(flags.reportDir, file.report_dir);
  return {
    ok: true,
    settings: {
      name: file.name ?? defaultRotaName,
      team,
      start: start.value as IsoDate,
      cycles: cycles.value as number,
      calendar,
      icsExport:
        calendar.kind === 'google' && ics.value
          ? { path: ics.value, source: ics.source }
          : undefined,
      seed: seed.value,
      holidays: holidays.value ? { path: holidays.value, source: holidays.source } : undefined,
      reportDir: reportDir.value ? { path: reportDir.value, source: reportDir.source } : undefined,
    },
  };
}

/** The exit code family of a set of problems: USAGE when every one comes from a flag. */
export function problemsCode(problems: readonly SettingsProblem[]): 'USAGE' | 'CONFIG' {
  return problems.every((p) => p.source === 'flag') ? 'USAGE' : 'CONFIG';
}

/**
 * The default seed: a hash of the settings that shape the rota, so the same settings plan the
 * same rota and a re-run writes nothing; `--seed` picks another shuffle.
 */
export function defaultSeed(
  settings: Pick<RotaSettings, 'name' | 'team' | 'start' | 'cycles'>,
): number {
  const text = JSON.stringify([settings.name, settings.team, settings.start, settings.cycles]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
