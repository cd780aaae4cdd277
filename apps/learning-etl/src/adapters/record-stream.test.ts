import { seededRandom } from '@toolbelt/testkit';
import { describe, expect, it } from 'vitest';
import { endsInCharacter, readJsonArray } from './record-stream.js';

async function* chunks(text: string | Buffer, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < bytes.length; i += size)
    yield await Promise.resolve(bytes.subarray(i, i + size));
}
async function* pieces(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield await Promise.resolve(bytes.subarray(from, cut));
    from = cut;
  }
}
async function all(source: AsyncIterable<Uint8Array>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readJsonArray(source)) out.push(item);
  return out;
}

describe('readJsonArray', () => {
  const records = [{ a: 'Жук 🐞', b: null, c: [1, { d: true }] }, { e: 'it\'s "quoted"' }, 3];
  it('yields each element whatever the chunk boundaries (multi-byte characters split too)', async () => {
    const text = `  \n${JSON.stringify(records, null, 1)}\n `;
    for (const size of [1, 2, 3, 7, 64, 100_000])
      expect(await all(chunks(text, size))).toEqual(records);
    expect(await all(chunks('[]', 1))).toEqual([]);
  });

  it('decodes UTF-8 like a whole-document decode: ASCII and non-ASCII chunks mixed, cut anywhere', async () => {
    const random = seededRandom(3);
    const words = ['plain', 'Жук', '🐞', 'é', '\uFEFF', 'a\\"b', '日本', 'x'.repeat(40)];
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
        k: Array.from(
          { length: Math.floor(random() * 6) },
          () => words[Math.floor(random() * words.length)],
        ).join(' '),
        n: Math.floor(random() * 100),
      }));
      const bytes = Buffer.from((random() < 0.3 ? '\uFEFF' : '') + JSON.stringify(values));
      const cuts = Array.from({ length: Math.floor(random() * 10) }, () =>
        Math.floor(random() * (bytes.length + 1)),
      ).sort((a, b) => a - b);
      expect(await all(pieces(bytes, cuts))).toEqual(values);
    }
  });

  it('decodes large chunks with a few non-ASCII characters (4 KiB blocks) like a whole decode', async () => {
    const random = seededRandom(11);
    const values = Array.from({ length: 3000 }, (_, i) => ({
      i,
      s: random() < 0.05 ? `Жук ${'🐞'.repeat(i % 3)} ы` : 'x'.repeat(Math.floor(random() * 300)),
    }));
    const bytes = Buffer.from(JSON.stringify(values));
    for (let round = 0; round < 6; round++) {
      const cuts: number[] = [];
      for (let at = 0; at < bytes.length;) {
        at += 1 + Math.floor(random() * 70_000);
        if (at < bytes.length) cuts.push(at);
      }
      expect(await all(pieces(bytes, cuts))).toEqual(values);
    }
  });

  it('turns a broken character into U+FFFD, like a whole decode', async () => {
    const bytes = Buffer.concat([Buffer.from('["a'), Buffer.from('Ж').subarray(0, 1)]);
    const text = bytes.toString('utf8') + '"]';
    expect(await all(pieces(Buffer.concat([bytes, Buffer.from('"]')]), [3, 4]))).toEqual(
      JSON.parse(text),
    );
  });

  it('keeps a U+FEFF inside the data and drops only a leading byte-order mark', async () => {
    const text = '\uFEFF[{"a": "x"}, {"b": "\uFEFFy"}]';
    for (const size of [1, 2, 3, 5, 11, 1000])
      expect(await all(chunks(text, size))).toEqual([{ a: 'x' }, { b: '\uFEFFy' }]);
  });

  it('refuses what is not a JSON array with a DATA error naming the offset', async () => {
    for (const bad of ['{"a": 1}', '[{"a": 1}', '[1,,2]', '', 'null', '[1] [2]']) {
      await expect(all(chunks(bad, 3)), bad).rejects.toMatchObject({ code: 'DATA' });
    }
    await expect(all(chunks('[{"a": 1}, {"a" 2}]', 4))).rejects.toThrow(
      /record #2 is not valid JSON .* at character 16/,
    );
  });
});

describe('endsInCharacter', () => {
  it('tells whether the bytes may stop inside a multi-byte character', () => {
    const bytes = Buffer.from('aЖ🐞');
    expect(endsInCharacter(bytes)).toBe(false);
    expect(endsInCharacter(bytes.subarray(0, 1))).toBe(false);
    expect(endsInCharacter(bytes.subarray(0, 2))).toBe(true);
    expect(endsInCharacter(bytes.subarray(0, 3))).toBe(false);
    for (const end of [4, 5, 6]) expect(endsInCharacter(bytes.subarray(0, end))).toBe(true);
    // Nothing to judge by: yes, so the decoder keeps whatever it holds.
    expect(endsInCharacter(new Uint8Array())).toBe(true);
    expect(endsInCharacter(Buffer.from([0x80]))).toBe(true);
  });
});
