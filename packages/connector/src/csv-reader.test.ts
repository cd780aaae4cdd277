import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { generateCsvRows, writeCsvFixture } from '@toolbelt/testkit/csv-fixtures';
import { readCsv } from './csv-reader.js';

const dir = makeTempDir('csv-reader');
afterAll(() => dir.cleanup());

async function all(path: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const r of readCsv(path)) out.push(r);
  return out;
}

describe('readCsv', () => {
  it('reads quotes, doubled quotes, embedded newlines, CRLF and a BOM', async () => {
    const path = `${dir.path}/a.csv`;
    writeFileSync(path, '\uFEFFid,text\r\n1,"a, ""b""\nc"\r\n2,plain\r\n\r\n3,""\n');
    expect(await all(path)).toEqual([
      { id: '1', text: 'a, "b"\nc' },
      { id: '2', text: 'plain' },
      { id: '3', text: '' },
    ]);
  });

  it('reads a generated file exactly, across many chunks', async () => {
    const path = `${dir.path}/big.csv`;
    await writeCsvFixture(path, 20_000);
    const rows = await all(path);
    expect(rows.length).toBe(20_000);
    expect(rows).toEqual([...generateCsvRows(20_000)]);
  });

  it('reports a line with the wrong number of fields', async () => {
    const path = `${dir.path}/bad.csv`;
    writeFileSync(path, 'a,b\n1,2\n3\n');
    await expect(all(path)).rejects.toThrow('line 3 has 1 fields, the header has 2');
  });
});
