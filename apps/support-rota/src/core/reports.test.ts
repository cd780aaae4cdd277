import { describe, expect, it } from 'vitest';
import { computeDaysWorked, computeFairness } from './reports.js';
import type { RotaDay } from './plan.js';

const team = {
  first: { name: 'a', members: ['Ann'] },
  second: { name: 'b', members: ['Bob', 'Cy'] },
};
const rota: RotaDay[] = [
  { date: '2025-01-06', cycle: 1, leadGroup: 'a', lead: 'Ann', assist: 'Bob' },
  { date: '2025-01-07', cycle: 1, leadGroup: 'b', lead: 'Bob', assist: 'Ann' },
  { date: '2025-01-08', cycle: 1, leadGroup: 'b', lead: 'Cy', assist: 'Ann' },
];

describe('reports', () => {
  it('counts lead and assist days by weekday', () => {
    const [ann, bob, cy] = computeDaysWorked(team, rota);
    expect(ann).toMatchObject({ name: 'Ann', group: 'a', leadTotal: 1, assistTotal: 2, total: 3 });
    expect(ann?.assist.Tuesday).toBe(1);
    expect(ann?.assist.Wednesday).toBe(1);
    expect(ann?.lead.Monday).toBe(1);
    expect(bob).toMatchObject({ leadTotal: 1, assistTotal: 1 });
    expect(cy).toMatchObject({ leadTotal: 1, assistTotal: 0, total: 1 });
  });

  it('reports the spread within each group', () => {
    expect(computeFairness(team, rota).spread).toEqual([
      { group: 'a', leads: 0, assists: 0 },
      { group: 'b', leads: 0, assists: 1 },
    ]);
  });
});
