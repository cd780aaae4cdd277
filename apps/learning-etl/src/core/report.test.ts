import { describe, expect, it } from 'vitest';
import { planReport, type ReportLabels } from './report.js';

const labels: ReportLabels = ['d', 'u', 'r', 's', 'ok', 'ratio', 'as', 'aok', '', 'today'];

describe('planReport', () => {
  it('clears the tab, puts labels in A and values in D, dates as serials formatted dd.mm.yyyy', () => {
    const writes = planReport(
      'Stats',
      '2024-10-02',
      { users: 3, runs: 10, submits: 5, successes: 1, ratio: 0.2, avgSubmits: 2, avgSuccesses: 0 },
      labels,
      '2024-10-03',
    );
    expect(writes[0]).toEqual({ kind: 'clear', tab: 'Stats', range: 'A1:Z1000' });
    expect(writes[1]).toEqual({
      kind: 'values',
      tab: 'Stats',
      range: 'A1:A10',
      values: labels.map((l) => [l]),
    });
    expect(writes[2]).toEqual({
      kind: 'values',
      tab: 'Stats',
      range: 'D1:D10',
      values: [[45567], [3], [10], [5], [1], [0.2], [2], [0], [''], [45568]],
    });
    expect(
      writes
        .filter((w) => w.kind === 'format' && w.numberFormat.pattern === 'dd.mm.yyyy')
        .map((w) => w.range),
    ).toEqual(['D1', 'D10']);
  });
});
