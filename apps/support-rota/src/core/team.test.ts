import { describe, expect, it } from 'vitest';
import { validateTeam } from './team.js';

const groups = {
  g_sevens: ['George', 'Calum'],
  everyone_else: ['Thomas', 'Jake', 'Matt', 'Matt P'],
};

describe('validateTeam', () => {
  it('orders the groups by start_cycle_with', () => {
    const result = validateTeam({ startCycleWith: 'everyone_else', groups });
    expect(result.ok && result.team.first.name).toBe('everyone_else');
    expect(result.ok && result.team.second.members).toEqual(['George', 'Calum']);
  });

  it('names an invalid start group', () => {
    expect(validateTeam({ startCycleWith: 'g7s', groups })).toEqual({
      ok: false,
      problems: [{ code: 'invalidGroup', params: { name: 'g7s' } }],
    });
  });

  it('names duplicates within and across groups, and compares names exactly', () => {
    const result = validateTeam({
      startCycleWith: 'a',
      groups: { a: ['Ann', 'Bob', 'Ann'], b: ['Bob', 'Bo'] },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'duplicate', params: { name: 'Ann', groups: 'a' } },
        { code: 'duplicate', params: { name: 'Bob', groups: 'a, b' } },
      ],
    });
  });

  it('reports every problem at once: empty group, blank name, wrong group count', () => {
    const result = validateTeam({ startCycleWith: 'x', groups: { a: [], b: [' '], c: ['Cy'] } });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'groupCount',
      'invalidGroup',
      'emptyGroup',
      'blankName',
    ]);
  });
});
