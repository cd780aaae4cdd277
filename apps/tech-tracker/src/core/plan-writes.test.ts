import { describe, expect, it } from 'vitest';
import { motRow, trackerRow } from '../../test/builders.js';
import { diffTracker } from './diff-tracker.js';
import { planRestoreWrites, planTrackerWrites } from './plan-writes.js';
import type { TrackerSheet } from './sheet-rows.js';

const sheetOf = (rows: TrackerSheet['rows'], techWidth = 0): TrackerSheet => ({
  rows,
  techWidth,
  dataRowCount: rows.length,
  width: 19 + techWidth,
  fresh: false,
});

describe('planTrackerWrites', () => {
  it('writes only A2 when nothing changed', () => {
    const rows = [trackerRow('1')];
    const diff = diffTracker([motRow('1')], [], [], rows, '2023-07-15');
    expect(planTrackerWrites('T', sheetOf(rows), diff, 'LAST UPDATED: x')).toEqual([
      { kind: 'values', tab: 'T', range: 'A2', values: [['LAST UPDATED: x']] },
    ]);
  });

  it('clears the old block and writes every row from B5 when rows changed', () => {
    const rows = [trackerRow('1', {}, {}, ['MacBook', 'ok'])];
    const diff = diffTracker([motRow('1'), motRow('2')], [], [], rows, '2023-07-15');
    const writes = planTrackerWrites('T', sheetOf(rows, 2), diff, 'stamp');
    expect(writes[1]).toEqual({ kind: 'clear', tab: 'T', range: 'B5:U6' });
    const values = writes[2]?.kind === 'values' ? writes[2].values : [];
    expect(writes[2]?.range).toBe('B5');
    expect(values.map((r) => [r[0], r[18], r[19]])).toEqual([
      ['2', null, null],
      ['1', 'MacBook', 'ok'],
    ]);
  });

  it('writes the headers of a fresh tab', () => {
    const diff = diffTracker([motRow('1')], [], [], [], '2023-07-15');
    const writes = planTrackerWrites('T', { ...sheetOf([]), fresh: true }, diff, 'stamp');
    expect(writes[1]).toMatchObject({ kind: 'values', range: 'B4' });
  });
});

describe('planRestoreWrites', () => {
  it('clears what the failed write may have touched and puts the backup back from A1', () => {
    const writes = planRestoreWrites(
      'T',
      [['a'], ['b', 'c']],
      [{ kind: 'values', tab: 'T', range: 'B5', values: [['x', 'y', 'z']] }],
    );
    expect(writes).toEqual([
      { kind: 'clear', tab: 'T', range: 'A1:D5' },
      { kind: 'values', tab: 'T', range: 'A1', values: [['a'], ['b', 'c']] },
    ]);
  });
});
