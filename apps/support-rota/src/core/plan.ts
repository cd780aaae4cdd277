import type { IsoDate } from '@toolbelt/dates';
import { shuffle, type Rng } from './rng.js';
import { cycleLength, type Team } from './team.js';

/** One working day of the rota. */
export interface RotaDay {
  date: IsoDate;
  /** 1-based cycle number. */
  cycle: number;
  /** Name of the group leading that day. */
  leadGroup: string;
  lead: string;
  assist: string;
}

/**
 * A group's assist sequence of `count` slots: shuffles of the group laid end to end, so
 * counts differ by at most one, with each shuffle's first person swapped away when they
 * would repeat the previous slot, so nobody assists two slots in a row (when the group has
 * two or more people). Names are compared exactly.
 */
export function planAssists(members: readonly string[], count: number, rng: Rng): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const round = shuffle(members, rng);
    const last = out[out.length - 1];
    if (round.length > 1 && round[0] === last) {
      // Swap with a random later position: the round stays a permutation of the group.
      const j = 1 + rng.int(round.length - 1);
      [round[0], round[j]] = [round[j] as string, round[0] as string];
    }
    out.push(...round.slice(0, count - out.length));
  }
  return out;
}

/**
 * The rota over the given working days (`days.length` must be a whole number of cycles).
 * Each cycle: |first| days where the first group leads (shuffled) and the second assists,
 * then |second| days the other way round.
 */
export function planRota(team: Team, days: readonly IsoDate[], rng: Rng): RotaDay[] {
  const length = cycleLength(team);
  if (length === 0 || days.length % length !== 0)
    throw new RangeError(`${days.length} days is not a whole number of ${length}-day cycles`);
  const cycles = days.length / length;
  const secondAssists = planAssists(team.second.members, cycles * team.first.members.length, rng);
  const firstAssists = planAssists(team.first.members, cycles * team.second.members.length, rng);
  const rota: RotaDay[] = [];
  let a1 = 0;
  let a2 = 0;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    for (const lead of shuffle(team.first.members, rng)) {
      rota.push({
        date: days[rota.length] as IsoDate,
        cycle,
        leadGroup: team.first.name,
        lead,
        assist: secondAssists[a2++] as string,
      });
    }
    for (const lead of shuffle(team.second.members, rng)) {
      rota.push({
        date: days[rota.length] as IsoDate,
        cycle,
        leadGroup: team.second.name,
        lead,
        assist: firstAssists[a1++] as string,
      });
    }
  }
  return rota;
}
