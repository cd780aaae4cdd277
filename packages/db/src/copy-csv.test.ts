import { describe, expect, it } from 'vitest';
import { copyStatement, toCsvBuffers, toCsvChunks, toCsvField, toCsvLine } from './copy-csv.js';

describe('toCsvField', () => {
  it('writes NULL unquoted and every value quoted, so "" stays an empty string', () => {
    expect(toCsvField(null)).toBe('');
    expect(toCsvField(undefined)).toBe('');
    expect(toCsvField('')).toBe('""');
  });

  it('doubles quotes and keeps separators, line breaks and backslashes verbatim', () => {
    expect(toCsvField('say "hi", then\nleave \\ now')).toBe('"say ""hi"", then\nleave \\ now"');
    expect(toCsvField('Привет 🎉')).toBe('"Привет 🎉"');
  });

  it('spells booleans, numbers and special floats as PostgreSQL reads them', () => {
    expect(toCsvField(true)).toBe('"true"');
    expect(toCsvField(false)).toBe('"false"');
    expect(toCsvField(-1.5e-7)).toBe('"-1.5e-7"');
    expect(toCsvField(Number.NaN)).toBe('"NaN"');
    expect(toCsvField(Number.NEGATIVE_INFINITY)).toBe('"-Infinity"');
    expect(toCsvField(12345678901234567890n)).toBe('"12345678901234567890"');
  });

  it('writes dates as ISO-8601 UTC and rejects invalid dates', () => {
    expect(toCsvField(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 5)))).toBe(
      '"2024-02-29T23:59:59.005Z"',
    );
    expect(() => toCsvField(new Date('nope'))).toThrow(expect.objectContaining({ code: 'DATA' }));
  });

  it('writes bytes as bytea hex, arrays as array literals and objects as JSON', () => {
    expect(toCsvField(new Uint8Array([0, 171, 255]))).toBe('"\\x00abff"');
    expect(toCsvField(['a', 'b"c', null, ['x']])).toBe('"{""a"",""b\\""c"",NULL,{""x""}}"');
    expect(toCsvField({ k: 'v "q"' })).toBe('"{""k"":""v \\""q\\""""}"');
  });
});

describe('toCsvLine and toCsvChunks', () => {
  it('checks the row width', () => {
    expect(toCsvLine([1, null, 'x'], 3)).toBe('"1",,"x"\n');
    expect(() => toCsvLine([1], 2)).toThrow(expect.objectContaining({ code: 'DATA' }));
  });

  it('groups rows into chunks of about the given size without losing any', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, 'x'.repeat(50)]);
    const chunks = [];
    for await (const chunk of toCsvChunks(rows, 2, 4096)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(1000);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.text.length).toBeGreaterThanOrEqual(4096);
      expect(chunk.text.length).toBeLessThan(4096 + 100);
    }
    expect(chunks.map((c) => c.text).join('')).toBe(rows.map((r) => toCsvLine(r, 2)).join(''));
  });
});

describe('toCsvBuffers', () => {
  it('encodes the same lines as UTF-8 bytes in chunks of about the given size', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      i,
      i % 7 === 0 ? null : `Жук 🐞 "${i}"`.repeat(1 + (i % 5)),
      i % 3 === 0,
    ]);
    // A row longer than a whole chunk gets a buffer of its own.
    rows.splice(1500, 0, [-1, 'ы'.repeat(5000), false]);
    // eslint-disable-next-line @typescript-eslint/require-await -- the code under test reads an AsyncIterable; these rows need no wait
    async function* source() {
      yield* rows;
    }
    const chunks = [];
    for await (const chunk of toCsvBuffers(source(), 3, 4096)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(rows.length);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.rows).toBeGreaterThan(0);
      expect(chunk.bytes.length).toBeLessThan(4096 + 3 * 10_100);
    }
    const expected = rows.map((r) => toCsvLine(r, 3)).join('');
    expect(Buffer.concat(chunks.map((c) => c.bytes)).toString('utf8')).toBe(expected);
  });

  it('checks the row width and yields nothing for no rows', async () => {
    const none = [];
    for await (const chunk of toCsvBuffers([], 2, 1024)) none.push(chunk);
    expect(none).toEqual([]);
    const bad = async () => {
      for await (const chunk of toCsvBuffers([[1, 2], [3]], 2, 1024)) void chunk;
    };
    await expect(bad()).rejects.toMatchObject({ code: 'DATA' });
  });
});

describe('copyStatement', () => {
  it('quotes the table, its schema and the columns', () => {
    expect(copyStatement('etl.Raw Rows', ['id', 'Na"me'], 'STDIN')).toBe(
      'COPY "etl"."Raw Rows" ("id", "Na""me") FROM STDIN WITH (FORMAT csv)',
    );
    expect(() => copyStatement('t', [], 'STDIN')).toThrow(
      expect.objectContaining({ code: 'USAGE' }),
    );
  });
});
