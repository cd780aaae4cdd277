import { describe, expect, it } from 'vitest';
import { readJsonArray } from './record-stream.js';

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
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

  it('refuses what is not a JSON array with a DATA error', async () => {
    for (const bad of ['{"a": 1}', '[{"a": 1}', '[1,,2]', '', 'null', '[1] [2]']) {
      await expect(all(chunks(bad, 3)), bad).rejects.toMatchObject({ code: 'DATA' });
    }
  });
});
