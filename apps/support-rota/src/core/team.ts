/** A named group of the support team (originally `g_sevens` and `everyone_else`). */
export interface Group {
  name: string;
  members: readonly string[];
}

/** The two groups in cycle order: `first` is the group a cycle starts with. */
export interface Team {
  first: Group;
  second: Group;
}

/** The team as written in the settings: the start group and the named member lists. */
export interface TeamSettings {
  startCycleWith: string;
  groups: Readonly<Record<string, readonly string[]>>;
}

/** One validation problem, as data: the shell turns `code` + `params` into words. */
export type TeamProblem =
  | { code: 'invalidGroup'; params: { name: string } }
  | { code: 'groupCount'; params: { count: number } }
  | { code: 'emptyGroup'; params: { group: string } }
  | { code: 'blankName'; params: { group: string } }
  | { code: 'duplicate'; params: { name: string; groups: string } };

export type TeamResult = { ok: true; team: Team } | { ok: false; problems: TeamProblem[] };

/**
 * Check the team before anything else runs and order its groups. Every problem is reported
 * at once. Names are compared exactly: "Matt" and "Matt P" are two people (the original
 * compared substrings).
 */
export function validateTeam(settings: TeamSettings): TeamResult {
  const problems: TeamProblem[] = [];
  const names = Object.keys(settings.groups);
  if (names.length !== 2) problems.push({ code: 'groupCount', params: { count: names.length } });
  if (!names.includes(settings.startCycleWith))
    problems.push({ code: 'invalidGroup', params: { name: settings.startCycleWith } });
  const seen = new Map<string, string[]>();
  for (const group of names) {
    const members = settings.groups[group] ?? [];
    if (members.length === 0) problems.push({ code: 'emptyGroup', params: { group } });
    for (const member of members) {
      if (member.trim() === '') {
        problems.push({ code: 'blankName', params: { group } });
        continue;
      }
      seen.set(member, [...(seen.get(member) ?? []), group]);
    }
  }
  for (const [name, groups] of seen) {
    if (groups.length > 1)
      problems.push({
        code: 'duplicate',
        params: { name, groups: [...new Set(groups)].join(', ') },
      });
  }
  if (problems.length > 0) return { ok: false, problems };
  const other = names.find((n) => n !== settings.startCycleWith) as string;
  return {
    ok: true,
    team: {
      first: {
        name: settings.startCycleWith,
        members: [...(settings.groups[settings.startCycleWith] ?? [])],
      },
      second: { name: other, members: [...(settings.groups[other] ?? [])] },
    },
  };
}

/** Days in one cycle: everyone leads once. */
export function cycleLength(team: Team): number {
  return team.first.members.length + team.second.members.length;
}
