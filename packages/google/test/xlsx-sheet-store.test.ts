import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createXlsxSheetStore } from '../src/index.js';
import { describeSheetStoreContract } from './sheet-store.contract.js';

const dirs: string[] = [];
let n = 0;
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tb-xlsx-'));
  dirs.push(d);
  return d;
}

describeSheetStoreContract('xlsx (exceljs)', async (seed) => {
  const path = join(await tempDir(), `book-${n++}.xlsx`);
  const book = new ExcelJS.Workbook();
  for (const [title, tab] of Object.entries(seed.tabs)) {
    const sheet = book.addWorksheet(title);
    tab.values.forEach((row, i) =>
      row.forEach((v, j) => (sheet.getCell(i + 1, j + 1).value = v === '' ? null : v)),
    );
    for (const [r, c] of tab.struck ?? []) sheet.getCell(r + 1, c + 1).font = { strike: true };
  }
  await book.xlsx.writeFile(path);
  return createXlsxSheetStore({ path });
});

describe('xlsx adapter specifics', () => {
  it('creates a missing workbook (and its folder) on the first write, and stores dates as formatted serial numbers', async () => {
    const path = join(await tempDir(), 'nested', 'report.xlsx');
    const store = createXlsxSheetStore({ path });
    expect(await store.listTabs()).toEqual([]);
    await store.ensureTab('Report');
    await store.write([
      { kind: 'values', tab: 'Report', range: 'D1', values: [[45567]] },
      {
        kind: 'format',
        tab: 'Report',
        range: 'D1',
        numberFormat: { type: 'DATE', pattern: 'dd.mm.yyyy' },
      },
    ]);
    expect((await stat(path)).isFile()).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const cell = book.getWorksheet('Report')?.getCell('D1');
    expect(cell?.numFmt).toBe('dd.mm.yyyy');
    expect(cell?.value).toEqual(new Date(Date.UTC(2024, 9, 2)));
    const [report] = await store.readTabs([{ tab: 'Report', range: 'D1' }]);
    expect(report?.values).toEqual([[45567]]);
  });

  it('keeps the strikethrough of a cell with its row through a sort', async () => {
    const path = join(await tempDir(), 'strike.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('T');
    [
      ['b', 2],
      ['a', 1],
    ].forEach((row, i) => row.forEach((v, j) => (sheet.getCell(i + 1, j + 1).value = v)));
    sheet.getCell('A1').font = { strike: true };
    await book.xlsx.writeFile(path);
    const store = createXlsxSheetStore({ path });
    await store.write([{ kind: 'sort', tab: 'T', range: 'A1:B', column: 1, ascending: true }]);
    const [t] = await store.readTabs([{ tab: 'T', strikethroughColumn: 0 }]);
    expect(t).toEqual({
      tab: 'T',
      values: [
        ['a', 1],
        ['b', 2],
      ],
      struck: [false, true],
    });
  });
});
