import { describe, expect, it } from 'vitest';
import { toIsoDate, toText } from './cell-text.js';
import { DEFAULT_MOT_COLUMNS, TRACKER_HEADERS } from './layout.js';
import { toClearedIds, toMotSheet, toTrackerSheet, toTrackerValues } from './sheet-rows.js';

const header = [null, ...TRACKER_HEADERS, 'Laptop', 'Notes'];

describe('cell text', () => {
  it('turns serial numbers and US dates into YYYY-MM-DD and keeps notes', () => {
    expect(toIsoDate(45139)).toBe('2023-08-01');
    expect(toIsoDate('8/1/2023')).toBe('2023-08-01');
    expect(toIsoDate('8/1/23')).toBe('2023-08-01');
    expect(toIsoDate('2023-08-01 00:00:00')).toBe('2023-08-01');
    expect(toIsoDate('TBD')).toBe('TBD');
    expect([toText(100234), toText(' a '), toText(null), toText(true)]).toEqual([
      '100234',
      'a',
      '',
      'TRUE',
    ]);
  });
});

describe('toMotSheet', () => {
  it('reads data from row 3, maps columns, drops empty rows and collects struck ids', () => {
    const row = (id: number | null, start: number | string) => {
      const cells = Array<string | number | null>(52).fill(null);
      cells[3] = id;
      cells[4] = 'Ann';
      cells[9] = start;
      return cells;
    };
    const values = [
      ['top'],
      ['names'],
      row(101, 45139),
      [],
      row(102, '8/7/2023'),
      row(null, 45139),
    ];
    const sheet = toMotSheet(values, [false, false, false, false, true, true], DEFAULT_MOT_COLUMNS);
    expect(sheet.records.map((r) => [r.values[0], r.values[1], r.values[6]])).toEqual([
      ['101', 'Ann', '2023-08-01'],
      ['102', 'Ann', '2023-08-07'],
      ['', 'Ann', '2023-08-01'],
    ]);
    expect(sheet.rescindedIds).toEqual(['102']);
  });
});

describe('toTrackerSheet', () => {
  it('checks the header row and keeps tech cells with their row', () => {
    const data = [
      null,
      '101',
      ...Array<string>(12).fill('x'),
      '--',
      45108,
      '2023-07-01',
      '2023-07-01',
      '2023-07-01',
      'MacBook',
      null,
      'note',
    ];
    const parsed = toTrackerSheet([
      ['title'],
      ['LAST UPDATED'],
      [],
      header,
      data,
      [],
      [null, null],
    ]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.sheet.rows).toHaveLength(1);
    expect(parsed.sheet.rows[0]?.cells[14]).toBe('2023-07-01');
    expect(parsed.sheet.rows[0]?.tech).toEqual(['MacBook', null, 'note']);
    expect(parsed.sheet.techWidth).toBe(3);
    expect(parsed.sheet.dataRowCount).toBe(3);
    expect(toTrackerValues(parsed.sheet.rows, 3)[0]?.slice(17)).toEqual([
      '2023-07-01',
      'MacBook',
      null,
      'note',
    ]);
  });

  it('names every unexpected header cell', () => {
    const wrong = [...header];
    wrong[7] = 'Start';
    const parsed = toTrackerSheet([[], [], [], wrong]);
    expect(parsed).toEqual({
      ok: false,
      problems: [{ kind: 'header', column: 'H4', expected: 'Start Date', found: 'Start' }],
    });
  });

  it('treats an empty tab as fresh, but data without headers as an error', () => {
    expect(toTrackerSheet([]).ok && toTrackerSheet([]).ok).toBe(true);
    expect(toTrackerSheet([[], [], [], [], [null, '101']])).toEqual({
      ok: false,
      problems: [{ kind: 'noHeader', rows: 1 }],
    });
  });

  it('reads Cleared ids from column B', () => {
    expect(toClearedIds([['101'], [null], [102]])).toEqual(['101', '102']);
  });
});
