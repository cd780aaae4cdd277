import { describe, expect, it } from 'vitest';
import { seededRandom } from '@toolbelt/testkit';
import { JsonArrayError, JsonArrayReader } from './json-array.js';

/** Read `text` cut at the given offsets. */
function readPieces(text: string, cuts: readonly number[]): unknown[] {
  const reader = new JsonArrayReader();
  const out: unknown[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(...reader.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...reader.end());
  return out;
}

function randomCuts(random: () => number, length: number, count: number): number[] {
  const cuts = Array.from({ length: count }, () => Math.floor(random() * (length + 1)));
  return cuts.sort((a, b) => a - b);
}

/** Outcome of reading: the elements, or the error's class. */
function outcome(text: string, cuts: readonly number[]): unknown {
  try {
    return { ok: readPieces(text, cuts) };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

const tricky = [
  'plain',
  '',
  'quote " inside',
  'backslash \\',
  'ends with backslash \\\\',
  '\\"',
  'brackets [ ] { } , : in a string',
  'Жук 🐞 ☃',
  '\u0000\u001f control',
  "{'oauth_consumer_key': '', 'lis_result_sourcedid': 'course-v1:SkillFactory+DST-3.0+28FEB2021'}",
];

function randomValue(random: () => number, depth: number): unknown {
  const kind = Math.floor(random() * (depth > 3 ? 5 : 7));
  switch (kind) {
    case 0:
      return tricky[Math.floor(random() * tricky.length)];
    case 1:
      return Math.floor(random() * 2000) - 1000 + (random() < 0.3 ? 0.5 : 0);
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return `s${Math.floor(random() * 1e6)}`;
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let k = Math.floor(random() * 5); k > 0; k--)
        object[tricky[k % tricky.length] + String(k)] = randomValue(random, depth + 1);
      return object;
    }
  }
}

describe('JsonArrayReader', () => {
  it('reads what JSON.parse reads, whatever the cuts (escapes, unicode escapes, nesting, spaces)', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 300; round++) {
      const values = Array.from({ length: Math.floor(random() * 8) }, () => randomValue(random, 0));
      const indent = random() < 0.3 ? 2 : undefined;
      let text = JSON.stringify(values, null, indent);
      // Unicode escapes in place of some characters, as other servers write them.
      if (random() < 0.3) text = text.replace(/[^\x20-\x7e\s]/gu, (c) => escapeUnicode(c));
      if (random() < 0.2) text = ` \r\n\t${text}\n `;
      const cuts = randomCuts(random, text.length, Math.floor(random() * 12));
      expect(readPieces(text, cuts), text).toEqual(JSON.parse(text));
    }
  });

  it('cuts at every position of a document with every kind of token', () => {
    const text =
      '\uFEFF [ {"a": "x\\"y\\\\", "b": [1, {"c": "]}"}], "d": null}, "\\u0416\\ud83d\\udc1e", 3.5e2, true, [] , {} ]\n';
    const expected: unknown = JSON.parse(text.slice(1));
    for (let cut = 0; cut <= text.length; cut++) {
      expect(readPieces(text, [cut])).toEqual(expected);
      for (let second = cut; second <= text.length; second += 7)
        expect(readPieces(text, [cut, second])).toEqual(expected);
    }
    for (let size = 1; size <= 4; size++) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => i * size);
      expect(readPieces(text, cuts)).toEqual(expected);
    }
  });

  it('refuses exactly what JSON.parse refuses (mutated documents, random cuts)', () => {
    const random = seededRandom(7);
    const alphabet = ['[', ']', '{', '}', ',', '"', '\\', ':', ' ', '1', 'a', 'null', 'x'];
    let refused = 0;
    for (let round = 0; round < 600; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        randomValue(random, 2),
      );
      const chars = [...JSON.stringify(values)];
      for (let edits = 1 + Math.floor(random() * 2); edits > 0; edits--) {
        const at = Math.floor(random() * chars.length);
        const token = alphabet[Math.floor(random() * alphabet.length)] ?? '';
        if (random() < 0.4) chars.splice(at, 1);
        else chars.splice(at, 0, token);
      }
      const text = chars.join('');
      let expected: unknown;
      try {
        const parsed: unknown = JSON.parse(text);
        expected = Array.isArray(parsed) ? { ok: parsed } : { error: 'JsonArrayError' };
      } catch {
        expected = { error: 'JsonArrayError' };
        refused++;
      }
      const cuts = randomCuts(random, text.length, Math.floor(random() * 6));
      expect(outcome(text, cuts), text).toEqual(expected);
    }
    expect(refused).toBeGreaterThan(200);
  });

  it('names the record and the character offset of a problem', () => {
    const error = (text: string, cuts: number[] = []) => {
      try {
        readPieces(text, cuts);
      } catch (caught) {
        expect(caught).toBeInstanceOf(JsonArrayError);
        return caught as JsonArrayError;
      }
      throw new Error(`no error for ${text}`);
    };
    expect(error('[1,,2]')).toMatchObject({ position: 3, reason: 'record #2 is missing' });
    expect(error('[1, 2,]')).toMatchObject({ position: 6, reason: 'record #3 is missing' });
    expect(error('[1, 2,]', [6]).reason).toBe('a comma before the closing bracket');
    expect(error('[{"a": 1}, {"a" 2}]', [12])).toMatchObject({ position: 16 });
    expect(error('[{"a": 1}, {"a" 2}]').reason).toMatch(/^record #2 is not valid JSON/);
    expect(error('  {"a": 1}')).toMatchObject({
      position: 2,
      reason: 'the top level is not an array',
    });
    expect(error('null').reason).toBe('the top level is not an array');
    expect(error('').reason).toBe('the response is empty');
    expect(error(' \n ', [1]).reason).toBe('the response is empty');
    expect(error('[{"a": 1}', [3])).toMatchObject({
      position: 9,
      reason: 'the response ended before the array was closed',
    });
    expect(error('[1] [2]', [2])).toMatchObject({
      position: 4,
      reason: 'unexpected text after the array',
    });
    expect(error('[1] x').message).toBe('unexpected text after the array at character 4');
  });

  it('bounds memory: an element longer than the limit is refused, not buffered', () => {
    const reader = new JsonArrayReader({ maxElementChars: 100 });
    expect(reader.push('[{"a": 1}, "')).toEqual([{ a: 1 }]);
    expect(() => reader.push('x'.repeat(200))).toThrow(/record #2 is longer than 100/);
    const ok = new JsonArrayReader({ maxElementChars: 100 });
    let count = 0;
    for (let i = 0; i < 1000; i++) count += ok.push(i === 0 ? '[1' : ', "some text", 2').length;
    count += ok.push(']').length;
    ok.end();
    expect(count).toBe(1999);
    expect(ok.elements).toBe(1999);
  });

  it('reads an empty array, with spaces or not', () => {
    expect(readPieces('[]', [1])).toEqual([]);
    expect(readPieces(' [ \n ] ', [2, 4])).toEqual([]);
  });
});

function escapeUnicode(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++)
    out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
