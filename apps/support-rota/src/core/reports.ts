import type { IsoDate } from '@toolbelt/dates';
import { weekdayName, weekdayNames, type WeekdayName } from './working-days.js';
import type { RotaDay } from './plan.js';
import type { Team } from './team.js';

/** Days by working weekday (Monday to Friday). */
export type WeekdayCounts = Record<WeekdayName, number>;

/** One person's line of the days-worked report. */
export interface DaysWorked {
  name: string;
  group: string;
  lead: WeekdayCounts;
  assist: WeekdayCounts;
  leadTotal: number;
  assistTotal: number;
  total: number;
}

/** One person's line of the fairness table. */
export interface FairnessRow {
  name: string;
  group: string;
  leads: number;
  assists: number;
  total: number;
}

/** Spread (max - min) of leads and assists within one group. */
export interface GroupSpread {
  group: string;
  leads: number;
  assists: number;
}

export interface Fairness {
  rows: FairnessRow[];
  spread: GroupSpread[];
}

/** The config report: what was planned, over which dates, into which calendar. */
export interface ConfigReport {
  rota: string;
  dateRange: { start: IsoDate; end: IsoDate; cycles: number; totalDays: number };
  calendar: { kind: 'google' | 'ics'; name: string; id: string };
  team: { startCycleWith: string; groups: Record<string, string[]> };
  seed: number;
  /** Holidays that fell inside the range and were skipped. */
  holidaysSkipped: IsoDate[];
}

const zeroWeek = (): WeekdayCounts =>
  Object.fromEntries(weekdayNames.map((d) => [d, 0])) as WeekdayCounts;

function people(team: Team): { name: string; group: string }[] {
  return [team.first, team.second].flatMap((g) =>
    g.members.map((name) => ({ name, group: g.name })),
  );
}

/** Per person: lead and assist days by weekday, and totals (the original's days-worked report). */
export function computeDaysWorked(team: Team, rota: readonly RotaDay[]): DaysWorked[] {
  const rows = new Map<string, DaysWorked>(
    people(team).map(({ name, group }) => [
      name,
      { name, group, lead: zeroWeek(), assist: zeroWeek(), leadTotal: 0, assistTotal: 0, total: 0 },
    ]),
  );
  for (const day of rota) {
    const weekday = weekdayName(day.date);
    const lead = rows.get(day.lead);
    const assist = rows.get(day.assist);
    if (lead) {
      lead.lead[weekday]++;
      lead.leadTotal++;
      lead.total++;
    }
    if (assist) {
      assist.assist[weekday]++;
      assist.assistTotal++;
      assist.total++;
    }
  }
  return [...rows.values()];
}

/** Leads, assists and totals per person, and the spread within each group. */
export function computeFairness(team: Team, rota: readonly RotaDay[]): Fairness {
  const rows = computeDaysWorked(team, rota).map(
    ({ name, group, leadTotal, assistTotal, total }) => ({
      name,
      group,
      leads: leadTotal,
      assists: assistTotal,
      total,
    }),
  );
  const spreadOf = (values: number[]): number =>
    values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
  const spread = [team.first.name, team.second.name].map((group) => {
    const inGroup = rows.filter((r) => r.group === group);
    return {
      group,
      leads: spreadOf(inGroup.map((r) => r.leads)),
      assists: spreadOf(inGroup.map((r) => r.assists)),
    };
  });
  return { rows, spread };
}
