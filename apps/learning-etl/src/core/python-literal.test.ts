import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@toolbelt/testkit';
import { checkRecord } from './activity.js';
import {
  PythonLiteralError,
  parsePythonDict,
  parsePythonLiteral,
  pickPythonDictValues,
  toPythonText,
} from './python-literal.js';

describe('parsePythonLiteral', () => {
  it('reads the passback_params the API sends', () => {
    const text =
      "{'oauth_consumer_key': '', 'lis_result_sourcedid': 'course-v1:SkillFactory+DST-3.0+28FEB2021:lms.skillfactory.ru-ca3ecf8e', 'lis_outcome_service_url': 'https://lms.skillfactory.ru/courses/x/handler_noauth/outcome_service_handler'}";
    expect({ ...parsePythonDict(text) }).toEqual({
      oauth_consumer_key: '',
      lis_result_sourcedid: 'course-v1:SkillFactory+DST-3.0+28FEB2021:lms.skillfactory.ru-ca3ecf8e',
      lis_outcome_service_url:
        'https://lms.skillfactory.ru/courses/x/handler_noauth/outcome_service_handler',
    });
  });

  it('reads both quote styles, escapes, None/True/False and unicode', () => {
    const text = `{"a": 'it\\'s', 'b': "say \\"hi\\"", 'c': None, 'd': True, 'e': False, 'f': '\\u0416\\x41\\n\\t\\\\', 'g': 'Жук 🐞', 'h': u'x' "y", 'i': r'\\d+', 'j': -1.5e3, 'k': [1, (2, 3)], 'l': '\\101\\U0001F41E', 'm': '''tri'ple''',}`;
    expect({ ...parsePythonDict(text) }).toEqual({
      a: "it's",
      b: 'say "hi"',
      c: null,
      d: true,
      e: false,
      f: 'ЖA\n\t\\',
      g: 'Жук 🐞',
      h: 'xy',
      i: '\\d+',
      j: -1500,
      k: [1, [2, 3]],
      l: 'A🐞',
      m: "tri'ple",
    });
  });

  it('refuses code and malformed text with a PythonLiteralError', () => {
    for (const bad of [
      "__import__('os').system('id')",
      "{'a': open('/etc/passwd')}",
      "{'a': 1",
      "{'a' 1}",
      "{'a': 'unterminated}",
      "{'a': '\\x4'}",
      "{'a': '\\N{BULLET}'}",
      '',
      '{[1]: 2}',
      "{'a': 1} extra",
      '['.repeat(1000),
    ]) {
      expect(() => parsePythonLiteral(bad), bad).toThrow(PythonLiteralError);
    }
    expect(() => parsePythonDict('[1, 2]')).toThrow(PythonLiteralError);
  });

  it('does not let a key named __proto__ change the prototype', () => {
    const dict = parsePythonDict("{'__proto__': 'x', 'constructor': None}");
    expect(dict['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(dict)).toBe(null);
  });

  it('spells values as Python prints them', () => {
    expect([
      toPythonText(null),
      toPythonText(true),
      toPythonText(false),
      toPythonText('s'),
      toPythonText(2),
    ]).toEqual(['None', 'True', 'False', 's', '2']);
  });
});

const pieces = [
  "'",
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ':',
  ',',
  ' ',
  'None',
  'True',
  'False',
  'x',
  '1',
  '-',
  '.',
  'e',
  '\\u00',
  '\\x',
  '\\U',
  "'''",
  'r',
  'b',
  'Ж',
  '\n',
  '\u0000',
  '🐞',
  '__import__',
];

describe('parsePythonDict fast path', () => {
  /** The full reader's answer, as parsePythonDict gave it before its fast path. */
  const full = (text: string): unknown => {
    try {
      const value = parsePythonLiteral(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a dict';
      return { ...value };
    } catch (error) {
      return (error as Error).message;
    }
  };
  const fast = (text: string): unknown => {
    try {
      return { ...parsePythonDict(text) };
    } catch (error) {
      return error instanceof PythonLiteralError ? error.message : 'other error';
    }
  };

  it('gives what the full reader gives on dict-like token soup', () => {
    const random = seededRandom(2024);
    const tokens = [
      "'a'",
      "'b c'",
      '"d"',
      "''",
      '""',
      "'''",
      "'x\"y'",
      '"it\'s"',
      ':',
      ': ',
      ',',
      ', ',
      ' ',
      '  ',
      '\t',
      'None',
      'True',
      'False',
      'Nonex',
      '1',
      '{',
      '}',
      '[',
      ']',
      "u'u'",
      '\\',
      '\n',
      'é',
    ];
    const soup = () =>
      Array.from(
        { length: Math.floor(random() * 12) },
        () => tokens[Math.floor(random() * tokens.length)],
      ).join('');
    let dicts = 0;
    for (let i = 0; i < 5000; i++) {
      // Mostly well-formed entries, with random tokens around them.
      const entries = Array.from({ length: Math.floor(random() * 4) }, () =>
        random() < 0.7
          ? `${tokens[Math.floor(random() * 7)]}: ${tokens[Math.floor(random() * 7) + (random() < 0.3 ? 15 : 0)]}`
          : soup(),
      );
      const text = `{${entries.join(random() < 0.8 ? ', ' : soup())}${random() < 0.2 ? soup() : ''}}`;
      const expected = full(text);
      if (typeof expected === 'object') dicts++;
      expect(fast(text), text).toEqual(expected);
    }
    expect(dicts).toBeGreaterThan(1000);
  });
});

describe('pickPythonDictValues', () => {
  it('gives the values parsePythonDict gives, on the fast path and off it', () => {
    const keys = ['a', 'b', 'c'] as const;
    for (const text of [
      "{'a': 'x', 'b': None, 'a': 'y'}",
      "{\"c\": True, 'b': ''}",
      "{'a': 'it\\'s', 'c': 1}",
      "{'b': [1, 2], 'a': 'x'}",
      '{}',
    ]) {
      const dict = parsePythonDict(text);
      expect(pickPythonDictValues(text, keys), text).toEqual(keys.map((key) => dict[key]));
    }
    expect(pickPythonDictValues("{'a': 'x', 'b': None, 'a': 'y'}", keys)).toEqual([
      'y',
      null,
      undefined,
    ]);
    expect(() => pickPythonDictValues("{'a': 'x'", keys)).toThrow(PythonLiteralError);
    expect(() => pickPythonDictValues("['a']", keys)).toThrow(PythonLiteralError);
  });
});

describe('fuzz: nothing escapes the validation layer', () => {
  it('random and mutated texts either parse or fail with PythonLiteralError; checkRecord never throws', () => {
    const random = seededRandom(20240601);
    const base =
      "{'oauth_consumer_key': '', 'lis_result_sourcedid': 'c\\'v1', \"lis_outcome_service_url\": None}";
    let parsed = 0;
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      let text: string;
      if (i % 2 === 0) {
        text = Array.from(
          { length: Math.floor(random() * 30) },
          () => pieces[Math.floor(random() * pieces.length)],
        ).join('');
      } else {
        const chars = [...base];
        for (let m = 0; m < 1 + Math.floor(random() * 4); m++) {
          const at = Math.floor(random() * chars.length);
          const op = random();
          if (op < 0.33) chars.splice(at, 1);
          else if (op < 0.66)
            chars.splice(at, 0, pieces[Math.floor(random() * pieces.length)] ?? '');
          else chars[at] = pieces[Math.floor(random() * pieces.length)] ?? '';
        }
        text = chars.join('');
      }
      try {
        parsePythonLiteral(text);
        parsed++;
      } catch (error) {
        expect(error, text).toBeInstanceOf(PythonLiteralError);
        refused++;
      }
      const check = checkRecord({
        lti_user_id: 'u'.repeat(32),
        passback_params: text,
        attempt_type: 'run',
        is_correct: null,
        created_at: '2023-05-31 09:16:11.313646',
      });
      // Only a NUL character in a value to be loaded makes the record corrupt.
      expect(
        check.accepted || (check.reason === 'nulCharacter' && text.includes('\u0000')),
        text,
      ).toBe(true);
    }
    expect(parsed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('checkRecord survives any JSON value', () => {
    const random = seededRandom(7);
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1,
      '',
      'x'.repeat(32),
      true,
      [],
      {},
      [1, 2],
      { a: 1 },
      'None',
      "{'a'}",
    ];
    const pick = () => values[Math.floor(random() * values.length)];
    for (let i = 0; i < 2000; i++) {
      const record =
        random() < 0.1
          ? pick()
          : {
              lti_user_id: random() < 0.7 ? 'y'.repeat(32) : pick(),
              passback_params: pick(),
              is_correct: pick(),
              attempt_type: pick(),
              created_at: pick(),
            };
      expect(() => checkRecord(record)).not.toThrow();
    }
  });

  const python = '/usr/bin/python3';
  it('agrees with Python ast.literal_eval on generated literals', () => {
    const random = seededRandom(99);
    const alphabet = [
      'a',
      'Z',
      ' ',
      "'",
      '"',
      '\\',
      '\n',
      '\t',
      'Ж',
      '🐞',
      '\u0007',
      '%',
      '{',
      '}',
    ];
    const escape = (s: string, q: string) =>
      [...s]
        .map((c) => {
          if (c === '\\') return '\\\\';
          if (c === q) return `\\${q}`;
          if (c === '\n') return '\\n';
          if (c === '\t') return '\\t';
          if (c === '\u0007') return random() < 0.5 ? '\\a' : '\\x07';
          if (c === 'Ж' && random() < 0.5) return '\\u0416';
          if (c === '🐞' && random() < 0.5) return '\\U0001f41e';
          return c;
        })
        .join('');
    const texts: string[] = [];
    for (let i = 0; i < 300; i++) {
      const entries: string[] = [];
      for (let k = 0; k < 3; k++) {
        const q = random() < 0.5 ? "'" : '"';
        const s = Array.from(
          { length: Math.floor(random() * 12) },
          () => alphabet[Math.floor(random() * alphabet.length)],
        ).join('');
        const choice = random();
        const value =
          choice < 0.7
            ? `${q}${escape(s, q)}${q}`
            : choice < 0.8
              ? 'None'
              : choice < 0.9
                ? 'True'
                : String(Math.floor(random() * 2000) - 1000);
        entries.push(`'k${k}': ${value}`);
      }
      texts.push(`{${entries.join(', ')}}`);
    }
    const out = execFileSync(
      python,
      [
        '-c',
        'import ast,json,sys\nfor t in json.load(sys.stdin): print(json.dumps(ast.literal_eval(t)))',
      ],
      {
        input: JSON.stringify(texts),
        encoding: 'utf8',
      },
    );
    const expected = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(expected).toHaveLength(texts.length);
    texts.forEach((text, i) => expect({ ...parsePythonDict(text) }, text).toEqual(expected[i]));
  });
});
