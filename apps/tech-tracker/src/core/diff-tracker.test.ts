import { isToolbeltError } from '@toolbelt/errors';
import { describe, expect, it } from 'vitest';
import { idsOf, motRow, rowOf, trackerRow } from '../../test/builders.js';
import { diffTracker, findDuplicateIds } from './diff-tracker.js';
import { COL } from './layout.js';

const today = '2023-07-15';

describe('diffTracker', () => {
  it('appends new MOT ids with Rescinded "--" and every date column = today', () => {
    const diff = diffTracker([motRow('101'), motRow('102')], [], [], [trackerRow('101')], today);
    const added = rowOf(diff.rows, '102');
    expect(added.cells.slice(COL.rescinded)).toEqual(['--', today, today, today, today]);
    expect(added.tech).toEqual([]);
    expect(diff.changes).toEqual([{ kind: 'append', id: '102', values: motRow('102').values }]);
    expect(diff.counts).toMatchObject({ appended: 1, updated: 0, unchanged: 1 });
  });

  it('appends in MOT order', () => {
    const diff = diffTracker([motRow('3'), motRow('1'), motRow('2')], [], [], [], today);
    expect(idsOf(diff.rows)).toEqual(['3', '1', '2']);
  });

  it('stamps Start Date - Last Updated and Main Last Updated when the Start Date changes', () => {
    const diff = diffTracker(
      [motRow('101', { 'Start Date': '2023-08-14' })],
      [],
      [],
      [trackerRow('101')],
      today,
    );
    const row = rowOf(diff.rows, '101');
    expect(row.cells[COL.startDate]).toBe('2023-08-14');
    expect(row.cells[COL.startDateUpdated]).toBe(today);
    expect(row.cells[COL.payLocationUpdated]).toBe('2023-06-01');
    expect(row.cells[COL.mainLastUpdated]).toBe(today);
    expect(row.cells[COL.dateAdded]).toBe('2023-06-01');
    expect(diff.changes).toEqual([
      {
        kind: 'update',
        id: '101',
        field: 'Start Date',
        from: '2023-08-01',
        to: '2023-08-14',
        key: true,
      },
    ]);
    expect(diff.counts).toMatchObject({ updated: 1, keyChanges: 1, unchanged: 0 });
  });

  it('stamps Pay Location - Last Updated when the Pay Location changes', () => {
    const diff = diffTracker(
      [motRow('101', { 'Pay Location': 'KIPP San Jose' })],
      [],
      [],
      [trackerRow('101')],
      today,
    );
    const row = rowOf(diff.rows, '101');
    expect(row.cells[COL.payLocationUpdated]).toBe(today);
    expect(row.cells[COL.startDateUpdated]).toBe('2023-06-01');
    expect(row.cells[COL.mainLastUpdated]).toBe(today);
  });

  it('sets Main Last Updated to the latest of the two stamps, even when today is earlier', () => {
    const tracker = [
      trackerRow(
        '101',
        {},
        { startUpdated: '2023-09-01', payUpdated: '2023-05-01', main: '2023-09-01' },
      ),
    ];
    const diff = diffTracker(
      [motRow('101', { 'Pay Location': 'KIPP Bayview' })],
      [],
      [],
      tracker,
      '2023-08-01',
    );
    const row = rowOf(diff.rows, '101');
    expect(row.cells[COL.payLocationUpdated]).toBe('2023-08-01');
    expect(row.cells[COL.mainLastUpdated]).toBe('2023-09-01');
  });

  it('updates other fields without stamps', () => {
    const diff = diffTracker(
      [motRow('101', { Title: 'Teacher, Grade 5' })],
      [],
      [],
      [trackerRow('101')],
      today,
    );
    const row = rowOf(diff.rows, '101');
    expect(row.cells[7]).toBe('Teacher, Grade 5');
    expect(row.cells.slice(COL.rescinded)).toEqual(trackerRow('101').cells.slice(COL.rescinded));
    expect(diff.changes).toEqual([
      {
        kind: 'update',
        id: '101',
        field: 'Title',
        from: 'Title of 101',
        to: 'Teacher, Grade 5',
        key: false,
      },
    ]);
    expect(diff.counts).toMatchObject({ updated: 1, keyChanges: 0 });
  });

  it('changes nothing when the MOT equals the tracker', () => {
    const tracker = [trackerRow('101'), trackerRow('102')];
    const diff = diffTracker([motRow('101'), motRow('102')], [], [], tracker, today);
    expect(diff.changed).toBe(false);
    expect(diff.changes).toEqual([]);
    expect(diff.rows[0]).toBe(tracker[0]);
    expect(diff.counts).toEqual({
      appended: 0,
      updated: 0,
      keyChanges: 0,
      rescinded: 0,
      unchanged: 2,
      notInMot: 0,
    });
  });

  it('marks a struck-through id "Yes - today" when Rescinded is "--", without touching Main Last Updated', () => {
    const diff = diffTracker([motRow('101')], [], ['101'], [trackerRow('101')], today);
    const row = rowOf(diff.rows, '101');
    expect(row.cells[COL.rescinded]).toBe(`Yes - ${today}`);
    expect(row.cells[COL.mainLastUpdated]).toBe('2023-06-01');
    expect(diff.changes).toEqual([{ kind: 'rescind', id: '101', stamp: `Yes - ${today}` }]);
    expect(diff.counts).toMatchObject({ rescinded: 1, unchanged: 0 });
  });

  it('stamps a rescind once: a later run keeps the first date', () => {
    const tracker = [trackerRow('101', {}, { rescinded: 'Yes - 2023-07-01' })];
    const diff = diffTracker([motRow('101')], [], ['101'], tracker, today);
    expect(rowOf(diff.rows, '101').cells[COL.rescinded]).toBe('Yes - 2023-07-01');
    expect(diff.changed).toBe(false);
    expect(diff.counts.rescinded).toBe(0);
  });

  it('appends a struck-through new hire already rescinded', () => {
    const diff = diffTracker([motRow('102')], [], ['102'], [], today);
    expect(rowOf(diff.rows, '102').cells[COL.rescinded]).toBe(`Yes - ${today}`);
    expect(diff.changes.map((c) => c.kind)).toEqual(['append', 'rescind']);
  });

  it('never appends ids listed in the Cleared tab and leaves their tracker rows alone', () => {
    const tracker = [trackerRow('101')];
    const diff = diffTracker(
      [motRow('101', { Title: 'New title' }), motRow('102')],
      ['101', ' 102 '],
      [],
      tracker,
      today,
    );
    expect(idsOf(diff.rows)).toEqual(['101']);
    expect(diff.rows[0]).toBe(tracker[0]);
    expect(diff.changed).toBe(false);
  });

  it('drops MOT rows with a blank id', () => {
    const diff = diffTracker([motRow(''), motRow(''), motRow('101')], [], [], [], today);
    expect(idsOf(diff.rows)).toEqual(['101']);
  });

  it('keeps tracker rows missing from the MOT', () => {
    const tracker = [
      trackerRow('900', {}, { startUpdated: '2023-01-01', payUpdated: '2023-01-01' }),
    ];
    const diff = diffTracker([motRow('101')], [], [], tracker, today);
    expect(idsOf(diff.rows)).toEqual(['101', '900']);
    expect(rowOf(diff.rows, '900')).toBe(tracker[0]);
    expect(diff.counts.notInMot).toBe(1);
  });

  it('sorts by Main Last Updated, newest first, stable for ties', () => {
    const on = (day: string) => ({ startUpdated: day, payUpdated: day });
    const tracker = [
      trackerRow('a', {}, on('2023-05-01')),
      trackerRow('b', {}, on('2023-06-01')),
      trackerRow('c', {}, on('2023-05-01')),
      trackerRow('d', {}, on('')),
      trackerRow('e', {}, on('2023-06-01')),
    ];
    const diff = diffTracker([], [], [], tracker, today);
    expect(idsOf(diff.rows)).toEqual(['b', 'e', 'a', 'c', 'd']);
    expect(diff.changed).toBe(true);
    expect(diff.changes).toEqual([]);
  });

  it('recomputes Main Last Updated for every row on every sync: a hand-edited value does not survive', () => {
    const tracker = [
      // In the MOT and unchanged, Main Last Updated edited by hand (later, then earlier).
      trackerRow(
        'a',
        {},
        { startUpdated: '2023-05-01', payUpdated: '2023-05-20', main: '2023-12-31' },
      ),
      trackerRow(
        'b',
        {},
        { startUpdated: '2023-06-02', payUpdated: '2023-05-20', main: '2023-01-01' },
      ),
      // Not in the MOT: derived all the same.
      trackerRow('c', {}, { startUpdated: '2023-04-01', payUpdated: '2023-04-03', main: '' }),
    ];
    const diff = diffTracker([motRow('a'), motRow('b')], [], [], tracker, today);
    const main = (id: string) => rowOf(diff.rows, id).cells[COL.mainLastUpdated];
    expect(main('a')).toBe('2023-05-20');
    expect(main('b')).toBe('2023-06-02');
    expect(main('c')).toBe('2023-04-03');
    expect(idsOf(diff.rows)).toEqual(['b', 'a', 'c']);
    expect(diff.changed).toBe(true);
    expect(diff.changes).toEqual([]);
    expect(diff.counts).toMatchObject({ updated: 0, unchanged: 3, notInMot: 1 });
    // The stamps themselves are left alone, and a second sync changes nothing.
    expect(rowOf(diff.rows, 'a').cells[COL.startDateUpdated]).toBe('2023-05-01');
    expect(diffTracker([motRow('a'), motRow('b')], [], [], diff.rows, today).changed).toBe(false);
  });

  it('keeps tech-owned cells attached to their row through updates and the sort', () => {
    const tracker = [
      trackerRow('a', {}, { main: '2023-06-01' }, ['laptop ordered', 'Chromebook']),
      trackerRow('b', {}, { main: '2023-05-01' }, ['account created']),
    ];
    const diff = diffTracker(
      [motRow('a'), motRow('b', { 'Start Date': '2023-09-01' })],
      [],
      [],
      tracker,
      today,
    );
    expect(idsOf(diff.rows)).toEqual(['b', 'a']);
    expect(rowOf(diff.rows, 'b').tech).toEqual(['account created']);
    expect(rowOf(diff.rows, 'a').tech).toEqual(['laptop ordered', 'Chromebook']);
  });

  it('rejects duplicate ids in the MOT or the tracker, naming them', () => {
    const dupMot = () => diffTracker([motRow('1'), motRow('2'), motRow('1')], [], [], [], today);
    expect(dupMot).toThrow(/MOT: 1/);
    try {
      dupMot();
    } catch (error) {
      expect(isToolbeltError(error) && error.code).toBe('DATA');
    }
    expect(() => diffTracker([], [], [], [trackerRow('7'), trackerRow('7')], today)).toThrow(
      /tracker: 7/,
    );
  });

  it('is idempotent: diffing its own output again changes nothing', () => {
    const mot = [motRow('1', { 'Start Date': '2023-08-20' }), motRow('2'), motRow('3')];
    const first = diffTracker(mot, [], ['2'], [trackerRow('1'), trackerRow('4')], today);
    const second = diffTracker(mot, [], ['2'], first.rows, '2023-07-16');
    expect(second.changed).toBe(false);
    expect(second.changes).toEqual([]);
  });
});

describe('findDuplicateIds', () => {
  it('ignores blanks and surrounding spaces', () => {
    expect(findDuplicateIds(['1', ' 1', '', '', '2', '3', '2'])).toEqual(['1', '2']);
  });
});
