import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { generateCsvRows, writeCsvFixture } from '@toolbelt/testkit/csv-fixtures';
import { readCsv, type CsvReadOptions } from './csv-reader.js';

const dir = makeTempDir('csv-reader');
afterAll(() => dir.cleanup());

async function all(path: string, options?: CsvReadOptions): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const r of readCsv(path, options)) out.push(r);
  return out;
}

let n = 0;
function file(text: string): string {
  n += 1;
  const path = `${dir.path}/f${n}.csv`;
  writeFileSync(path, text);
  return path;
}

async function failure(path: string, options?: CsvReadOptions) {
  const error = await all(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isToolbeltError(error)) throw new Error(`expected a ToolbeltError, got ${String(error)}`);
  return error;
}

describe('readCsv', () => {
  it('reads quotes, doubled quotes, embedded newlines, CRLF and a BOM', async () => {
    const path = file('\uFEFFid,text\r\n1,"a, ""b""\nc"\r\n2,plain\r\n\r\n3,""\n');
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

  it('reports a line with the wrong number of fields by its physical line', async () => {
    const error = await failure(file('a,b\n1,2\n3\n'));
    expect(error.code).toBe('DATA');
    expect(error.message).toContain('line 3 has 1 fields, the header has 2');
    // A 3-line file whose last line is short: line 3, not 4 (a quoted newline counts too).
    const quoted = await failure(file('a,b,c\n1,"x\ny",3\n4,5\n'));
    expect(quoted.message).toContain('line 4 has 2 fields, the header has 3');
    const short = await failure(file('a,b,c\n1,2,3\n4,5'));
    expect(short.message).toContain('line 3 has 2 fields, the header has 3');
  });

  it('reports a quote that is never closed by the line it opens on', async () => {
    const error = await failure(file('a,b\n1,2\n"3,4\n'));
    expect(error.key).toBe('connector:errors.csvQuoteNotClosed');
    expect(error.params.line).toBe(3);
    // A 3-line file: the quote opens on line 2 (the hand-written reader said "line 4").
    const three = await failure(file('id,name,amount\n1,"Ann,10\n2,Bob,7\n'));
    expect(three.message).toContain('the quoted field that starts on line 2 is never closed');
    // Doubled quotes and quoted newlines before it do not confuse the count.
    const later = await failure(file('a,b\n"x ""y""\nz",2\n3,"4\n'));
    expect(later.params.line).toBe(4);
  });

  it('refuses a header that names a column twice', async () => {
    const error = await failure(file('id,name,name\n1,Ann,Bob\n'));
    expect(error.code).toBe('DATA');
    expect(error.key).toBe('connector:errors.csvDuplicateHeader');
    expect(error.message).toContain('the header names name more than once');
  });

  it('refuses a required column that the header lacks, naming it', async () => {
    const error = await failure(file('id,name\n1,Ann\n'), { requiredColumns: ['id', 'amount'] });
    expect(error.code).toBe('DATA');
    expect(error.key).toBe('connector:errors.csvMissingColumns');
    expect(error.message).toContain('the header has no column amount (it has: id, name)');
  });

  it('says when the file seems to use another delimiter', async () => {
    const path = file('id,name,updated\n1,Ann,2025-01-01\n');
    const error = await failure(path, { delimiter: ';', requiredColumns: ['id', 'updated'] });
    expect(error.code).toBe('DATA');
    expect(error.key).toBe('connector:errors.csvWrongDelimiter');
    expect(error.message).toContain("separated by ',', not ';'");
    expect(await all(path, { requiredColumns: ['id', 'updated'] })).toHaveLength(1);
  });

  it('reports a missing file as DATA', async () => {
    const error = await failure(`${dir.path}/nope.csv`);
    expect(error.key).toBe('connector:errors.csvMissing');
  });
});
