import { describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import type { CellValue, SheetStore } from '../src/ports.js';

/** What a contract test seeds: tabs of values from A1 and struck-through cells ([row, col], 0-based). */
export interface SheetSeed {
  tabs: Record<string, { values: CellValue[][]; struck?: [number, number][] }>;
}

/** Build a store holding exactly `seed` (a fresh spreadsheet/workbook per call). */
export type SheetStoreFactory = (seed: SheetSeed) => Promise<SheetStore>;

const MASTER = 'Master_23-24';
const TRACKER = "23-24 Tracker (Tech's)";

function seed(): SheetSeed {
  return {
    tabs: {
      [MASTER]: {
        values: [
          ['h1', 'h2', 'h3'],
          ['sub', '', ''],
          ['id-1', 'Ann', 45567],
          ['id-2', 'Bob', 45568, '', ''],
          ['', '', ''],
          ['id-3', 'Cy', true],
        ],
        struck: [[3, 0]],
      },
      [TRACKER]: {
        values: [
          ['LAST UPDATED'],
          [],
          [],
          ['', 'id', 'name', 'date', 'notes'],
          ['', 'b', 'Bob', 2, 'keep-b'],
          ['', 'a', 'Ann', 3, 'keep-a'],
          ['', 'c', 'Cy', 1, 'keep-c'],
        ],
      },
    },
  };
}

/** One contract for every SheetStore adapter. */
export function describeSheetStoreContract(name: string, create: SheetStoreFactory): void {
  describe(`SheetStore contract: ${name}`, () => {
    it('lists tabs in order', async () => {
      const store = await create(seed());
      expect(await store.listTabs()).toEqual([MASTER, TRACKER]);
    });

    it('reads several tabs and ranges at once: numbers stay numbers, trailing empties omitted, strikethrough of a column', async () => {
      const store = await create(seed());
      const [master, tracker] = await store.readTabs([
        { tab: MASTER, range: 'A3:C', strikethroughColumn: 0 },
        { tab: TRACKER, range: 'B5:S' },
      ]);
      expect(master).toEqual({
        tab: MASTER,
        values: [['id-1', 'Ann', 45567], ['id-2', 'Bob', 45568], [], ['id-3', 'Cy', true]],
        struck: [false, true, false, false],
      });
      expect(tracker).toEqual({
        tab: TRACKER,
        values: [
          ['b', 'Bob', 2, 'keep-b'],
          ['a', 'Ann', 3, 'keep-a'],
          ['c', 'Cy', 1, 'keep-c'],
        ],
      });
      const [whole] = await store.readTabs([{ tab: TRACKER }]);
      expect(whole?.values[0]).toEqual(['LAST UPDATED']);
      expect(whole?.values).toHaveLength(7);
    });

    it('names a missing tab and lists the tabs that exist (DATA)', async () => {
      const store = await create(seed());
      const error = await store
        .readTabs([{ tab: MASTER }, { tab: 'Nope' }])
        .catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.code).toBe('DATA');
      expect((error as Error).message).toContain('Nope');
      expect((error as Error).message).toContain(MASTER);
    });

    it('writes values, clears, formats dates and sorts in one batch; cells outside the sorted columns stay put', async () => {
      const store = await create(seed());
      await store.write([
        {
          kind: 'values',
          tab: TRACKER,
          range: 'A2',
          values: [['LAST UPDATED: 10/02/24 @ 9:00 AM']],
        },
        { kind: 'clear', tab: TRACKER, range: 'A1' },
        { kind: 'values', tab: TRACKER, range: 'B8', values: [['d', 'Dee', 4]] },
        { kind: 'values', tab: TRACKER, range: 'D5', values: [[45567], [45568]] },
        {
          kind: 'format',
          tab: TRACKER,
          range: 'D5:D6',
          numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' },
        },
        { kind: 'sort', tab: TRACKER, range: 'B5:E', column: 2, ascending: false },
      ]);
      const [tracker] = await store.readTabs([{ tab: TRACKER }]);
      expect(tracker?.values).toEqual([
        [],
        ['LAST UPDATED: 10/02/24 @ 9:00 AM'],
        [],
        ['', 'id', 'name', 'date', 'notes'],
        ['', 'a', 'Ann', 45568, 'keep-a'],
        ['', 'b', 'Bob', 45567, 'keep-b'],
        ['', 'd', 'Dee', 4],
        ['', 'c', 'Cy', 1, 'keep-c'],
      ]);
    });

    it('writes far below the existing rows and columns (the grid grows)', async () => {
      const store = await create(seed());
      await store.write([{ kind: 'values', tab: MASTER, range: 'AC1500', values: [['far', 1]] }]);
      const [far] = await store.readTabs([{ tab: MASTER, range: 'AC1500:AD1500' }]);
      expect(far?.values).toEqual([['far', 1]]);
    });

    it('ensureTab creates a missing tab once; it can then be written and read', async () => {
      const store = await create(seed());
      await store.ensureTab('Report');
      await store.ensureTab('Report');
      expect(await store.listTabs()).toEqual([MASTER, TRACKER, 'Report']);
      await store.write([
        { kind: 'values', tab: 'Report', range: 'A1', values: [['x', null, 'z'], [1.5]] },
      ]);
      const [report] = await store.readTabs([{ tab: 'Report' }]);
      expect(report?.values).toEqual([['x', '', 'z'], [1.5]]);
    });

    it('refuses writes to a missing tab with nothing written (DATA)', async () => {
      const store = await create(seed());
      const error = await store
        .write([
          { kind: 'values', tab: MASTER, range: 'A1', values: [['changed']] },
          { kind: 'values', tab: 'Nope', range: 'A1', values: [['x']] },
        ])
        .catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.code).toBe('DATA');
      const [master] = await store.readTabs([{ tab: MASTER, range: 'A1' }]);
      expect(master?.values).toEqual([['h1']]);
    });
  });
}
