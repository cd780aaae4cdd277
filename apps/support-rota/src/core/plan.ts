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
  // Each half of a cycle: one group leads (shuffled), the other assists from its sequence.
  const halves = [
    {
      lead: team.first,
      assists: planAssists(team.second.members, cycles * team.first.members.length, rng),
      next: 0,
    },
    {
      lead: team.second,
      assists: planAssists(team.first.members, cycles * team.second.members.length, rng),
      next: 0,
    },
  ];
  const rota: RotaDay[] = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    for (const half of halves) {
      for (const lead of shuffle(half.lead.members, rng)) {
        rota.push({
          date: days[rota.length] as IsoDate,
          cycle,
          leadGroup: half.lead.name,
          lead,
          assist: half.assists[half.next++] as string,
        });
      }
    }
  }
  return rota;
}
