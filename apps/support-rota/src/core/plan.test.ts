import { describe, expect, it } from 'vitest';
import { isoWeekday } from '@toolbelt/dates';
import { workingDays } from './working-days.js';
import { englandAndWalesBankHolidays } from './england-and-wales.js';
import { planAssists, planRota, type RotaDay } from './plan.js';
import { createRng } from './rng.js';
import { cycleLength, type Team } from './team.js';

const teamOf = (first: string[], second: string[]): Team => ({
  first: { name: 'g_sevens', members: first },
  second: { name: 'everyone_else', members: second },
});
const names = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const count = <T>(items: readonly T[]): Map<T, number> => {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
};

/** Every group size pair from 1 to 7 in each group, several cycle counts, many seeds. */
function* cases(): Generator<{ seed: number; a: number; b: number; cycles: number }> {
  let seed = 1;
  for (let a = 1; a <= 7; a++)
    for (let b = 1; b <= 7; b++)
      for (const cycles of [1, 2, 3, 5])
        for (let k = 0; k < 6; k++) yield { seed: seed++ * 7919, a, b, cycles };
}

const holidays = new Set(englandAndWalesBankHolidays.filter((d) => d.startsWith('2025-')));

function planFor(c: { seed: number; a: number; b: number; cycles: number }): {
  team: Team;
  rota: RotaDay[];
} {
  const team = teamOf(names('A', c.a), names('B', c.b));
  const days = workingDays('2024-12-30', c.cycles * cycleLength(team), holidays);
  return { team, rota: planRota(team, days, createRng(c.seed)) };
}

describe('planRota properties (1,176 rotas: group sizes 1-7 x 1-7, 1-5 cycles, 6 seeds each)', () => {
  it('everyone leads exactly n_cycles times and days = n_cycles x (|A| + |B|)', () => {
    for (const c of cases()) {
      const { team, rota } = planFor(c);
      expect(rota).toHaveLength(c.cycles * (c.a + c.b));
      const leads = count(rota.map((d) => d.lead));
      for (const person of [...team.first.members, ...team.second.members])
        expect(leads.get(person), `${person} ${JSON.stringify(c)}`).toBe(c.cycles);
    }
  });

  it('assist counts within a group differ by at most one, and nobody assists two slots in a row', () => {
    for (const c of cases()) {
      const { team, rota } = planFor(c);
      for (const group of [team.first, team.second]) {
        const slots = rota.filter((d) => d.leadGroup !== group.name).map((d) => d.assist);
        expect(slots.every((s) => group.members.includes(s))).toBe(true);
        const counts = group.members.map((m) => slots.filter((s) => s === m).length);
        expect(Math.max(...counts) - Math.min(...counts), JSON.stringify(c)).toBeLessThanOrEqual(1);
        if (group.members.length > 1)
          for (let i = 1; i < slots.length; i++)
            expect(slots[i], `${JSON.stringify(c)} slot ${i}`).not.toBe(slots[i - 1]);
      }
    }
  });

  it('no two consecutive days have the same assist', () => {
    for (const c of cases()) {
      if (c.a < 2 && c.b < 2) continue;
      const { rota } = planFor(c);
      for (let i = 1; i < rota.length; i++) {
        const [prev, day] = [rota[i - 1] as RotaDay, rota[i] as RotaDay];
        if (prev.leadGroup === day.leadGroup && (day.leadGroup === 'g_sevens' ? c.b : c.a) > 1)
          expect(day.assist).not.toBe(prev.assist);
      }
    }
  });

  it('uses only working days, in order, each once, and never a weekend or holiday', () => {
    for (const c of cases()) {
      const { rota } = planFor(c);
      for (const day of rota) {
        expect(isoWeekday(day.date)).toBeLessThanOrEqual(5);
        expect(holidays.has(day.date)).toBe(false);
      }
      const dates = rota.map((d) => d.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('each cycle is |first| days led by the first group, then |second| days led by the second', () => {
    const { rota } = planFor({ seed: 3, a: 2, b: 3, cycles: 2 });
    expect(rota.map((d) => `${d.cycle}${d.leadGroup[0]}`)).toEqual([
      '1g',
      '1g',
      '1e',
      '1e',
      '1e',
      '2g',
      '2g',
      '2e',
      '2e',
      '2e',
    ]);
    for (const d of rota)
      expect(d.lead.startsWith(d.leadGroup === 'g_sevens' ? 'A' : 'B')).toBe(true);
    for (const d of rota)
      expect(d.assist.startsWith(d.leadGroup === 'g_sevens' ? 'B' : 'A')).toBe(true);
  });

  it('is reproducible from the seed and differs between seeds', () => {
    const one = planFor({ seed: 42, a: 6, b: 12, cycles: 8 }).rota;
    expect(planFor({ seed: 42, a: 6, b: 12, cycles: 8 }).rota).toEqual(one);
    expect(planFor({ seed: 43, a: 6, b: 12, cycles: 8 }).rota).not.toEqual(one);
  });

  it('rejects a day count that is not a whole number of cycles', () => {
    expect(() =>
      planRota(teamOf(['a'], ['b', 'c']), ['2025-01-06', '2025-01-07'], createRng(1)),
    ).toThrow(RangeError);
  });
});

describe('planAssists', () => {
  it('treats names that contain each other as different people (the original compared substrings)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const seq = planAssists(['Matt', 'Matt P'], 9, createRng(seed));
      for (let i = 1; i < seq.length; i++) expect(seq[i]).not.toBe(seq[i - 1]);
      const counts = count(seq);
      expect(Math.abs((counts.get('Matt') ?? 0) - (counts.get('Matt P') ?? 0))).toBe(1);
    }
  });

  it('gives one-person groups every slot', () => {
    expect(planAssists(['Solo'], 3, createRng(1))).toEqual(['Solo', 'Solo', 'Solo']);
  });
});
