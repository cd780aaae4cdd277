/**
 * A safe reader for Python literals, the subset `ast.literal_eval` accepts that the statistics
 * API puts in `passback_params` (the original ran the text through `eval`). Nothing is ever
 * executed: the text is tokenised and only literals are built.
 *
 * Supported: dicts, lists, tuples, strings (single, double and triple quotes; prefixes r, u,
 * b; every Python escape except `\N{...}`; adjacent literals concatenated), integers, floats,
 * `None`, `True`, `False`, signed numbers. Anything else is a {@link PythonLiteralError}.
 */

/** A Python value as JavaScript: dict -> plain object (null prototype), list/tuple -> array. */
export type PythonValue =
  string | number | boolean | null | PythonValue[] | { [key: string]: PythonValue };

/** The text is not a Python literal; `position` is the 0-based offset of the problem. */
export class PythonLiteralError extends Error {
  override readonly name = 'PythonLiteralError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at offset ${position}`);
  }
}

/** Deepest nesting accepted: bounds recursion on hostile input. */
const MAX_DEPTH = 64;

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const PREFIX = /[rRuUbB]{1,2}(?=["'])/y;
/** Characters that need no attention inside each kind of string literal. */
const PLAIN_SINGLE = /[^'\\\n]*/y;
const PLAIN_DOUBLE = /[^"\\\n]*/y;
const PLAIN_SINGLE_TRIPLE = /[^'\\]*/y;
const PLAIN_DOUBLE_TRIPLE = /[^"\\]*/y;

const simpleEscapes: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Parse one Python literal; the whole text must be that literal (whitespace around is fine). */
export function parsePythonLiteral(text: string): PythonValue {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skipSpace();
  if (!reader.done()) reader.fail('unexpected text after the literal');
  return value;
}

/** Parse a dict literal; anything but a dict is an error. */
export function parsePythonDict(text: string): Record<string, PythonValue> {
  const simple: Record<string, PythonValue> = Object.create(null) as Record<string, PythonValue>;
  if (scanSimpleDict(text, (key, value) => (simple[key] = value))) return simple;
  const value = parsePythonLiteral(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PythonLiteralError('expected a dict literal', 0);
  }
  return value;
}

const SPACE = 32;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

/**
 * The values of `keys` in a Python dict literal (undefined where a key is absent), as
 * `parsePythonDict(text)[key]` would give them, without building the dict when the text takes
 * the fast path (one record of a million: no object, no property writes).
 */
export function pickPythonDictValues(
  text: string,
  keys: readonly string[],
): (PythonValue | undefined)[] {
  const values: (PythonValue | undefined)[] = keys.map(() => undefined);
  const found = scanSimpleDict(text, (key, value) => {
    const index = keys.indexOf(key);
    if (index >= 0) values[index] = value;
  });
  if (found) return values;
  const dict = parsePythonDict(text);
  return keys.map((key) => dict[key]);
}

/**
 * The fast path of {@link parsePythonDict} for what the API sends nearly always: a flat dict of
 * plain quoted strings, `None`, `True` and `False`, separated by `, ` and `: ` (spaces only),
 * with no backslash or line break anywhere; each entry goes to `onEntry` in order. Anything
 * else returns false (entries may have been reported) and must go through the full reader, so
 * what is reported on true is always what the full reader gives.
 */
function scanSimpleDict(text: string, onEntry: (key: string, value: PythonValue) => void): boolean {
  const n = text.length;
  if (n < 2 || text.charCodeAt(0) !== 123 || text.charCodeAt(n - 1) !== 125) return false;
  if (text.includes('\\') || text.includes('\n')) return false;
  let i = skipSpaces(text, 1);
  if (i === n - 1) return true;
  for (;;) {
    // Key: a plain string.
    const keyQuote = text.charCodeAt(i);
    if (keyQuote !== SINGLE_QUOTE && keyQuote !== DOUBLE_QUOTE) return false;
    const keyEnd = text.indexOf(keyQuote === SINGLE_QUOTE ? "'" : '"', i + 1);
    if (keyEnd < 0) return false;
    const key = text.slice(i + 1, keyEnd);
    i = skipSpaces(text, keyEnd + 1);
    if (text.charCodeAt(i) !== 58) return false; // ':'
    i = skipSpaces(text, i + 1);
    // Value: a plain string, None, True or False.
    const c = text.charCodeAt(i);
    let value: PythonValue;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = text.indexOf(c === SINGLE_QUOTE ? "'" : '"', i + 1);
      if (end < 0) return false;
      value = text.slice(i + 1, end);
      i = end + 1;
    } else if (text.startsWith('None', i)) {
      value = null;
      i += 4;
    } else if (text.startsWith('True', i)) {
      value = true;
      i += 4;
    } else if (text.startsWith('False', i)) {
      value = false;
      i += 5;
    } else return false;
    i = skipSpaces(text, i);
    onEntry(key, value);
    const next = text.charCodeAt(i);
    if (next === 125) return i === n - 1; // '}' must end the text
    if (next !== 44) return false; // ',' (anything else: adjacent strings, names...)
    i = skipSpaces(text, i + 1);
    if (i === n - 1) return true; // a trailing comma, as Python allows
  }
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** How Python's `str()` spells a value (None, True, False); used to log and store values. */
export function toPythonText(value: PythonValue | undefined): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string, at = this.pos): never {
    throw new PythonLiteralError(message, at);
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.pos++;
      else if (c === '\\' && this.text[this.pos + 1] === '\n') this.pos += 2;
      else break;
    }
  }

  value(depth: number): PythonValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) this.fail('unexpected end of text');
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.sequence(']', depth);
    if (c === '(') return this.sequence(')', depth);
    if (c === '"' || c === "'") return this.strings();
    if (c === '-' || c === '+' || (c >= '0' && c <= '9') || c === '.') return this.number();
    WORD.lastIndex = this.pos;
    const word = WORD.exec(this.text)?.[0];
    if (word === undefined) this.fail(`unexpected character ${JSON.stringify(c)}`);
    const quote = this.text[this.pos + word.length];
    if (word.length <= 2 && /^[rRuUbB]+$/.test(word) && (quote === '"' || quote === "'"))
      return this.strings();
    this.pos += word.length;
    if (word === 'None') return null;
    if (word === 'True') return true;
    if (word === 'False') return false;
    return this.fail(`names are not literals: ${word}`, this.pos - word.length);
  }

  private dict(depth: number): Record<string, PythonValue> {
    this.pos++; // {
    const out: Record<string, PythonValue> = Object.create(null) as Record<string, PythonValue>;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const keyAt = this.pos;
      const key = this.value(depth + 1);
      if (key !== null && typeof key === 'object') this.fail('unhashable dict key', keyAt);
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      out[toPythonText(key)] = this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') this.pos++;
      else if (next !== '}') this.fail('expected "," or "}"');
    }
  }

  private sequence(close: ']' | ')', depth: number): PythonValue[] {
    this.pos++;
    const out: PythonValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') this.pos++;
      else if (next !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private number(): number {
    const match =
      /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)/.exec(
        this.text.slice(this.pos, this.pos + 400),
      );
    const raw = match?.[0];
    if (!raw) this.fail('bad number');
    const clean = raw.replaceAll('_', '');
    const sign = clean.startsWith('-') ? -1 : 1;
    const body = clean.replace(/^[+-]/, '');
    const value = /^0[xob]/i.test(body) ? sign * Number(body.toLowerCase()) : Number(clean);
    if (Number.isNaN(value)) this.fail('bad number');
    this.pos += raw.length;
    return value;
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  private strings(): string {
    let out = '';
    let count = 0;
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      let prefix = '';
      if (c !== '"' && c !== "'") {
        PREFIX.lastIndex = this.pos;
        const found = PREFIX.exec(this.text)?.[0];
        if (found === undefined) break;
        if (found.length === 2 && !/^(?:[rR][bB]|[bB][rR])$/.test(found))
          this.fail('bad string prefix');
        prefix = found;
      }
      this.pos += prefix.length;
      out += this.string(prefix !== '' && /[rR]/.test(prefix));
      count++;
    }
    if (count === 0) this.fail('expected a string');
    return out;
  }

  private string(raw: boolean): string {
    const quote = this.text[this.pos] as '"' | "'";
    const triple = this.text.startsWith(quote.repeat(3), this.pos);
    const start = this.pos;
    this.pos += triple ? 3 : 1;
    // Runs of ordinary characters are copied in one slice: most values have no escapes at all.
    const plain =
      quote === "'"
        ? triple
          ? PLAIN_SINGLE_TRIPLE
          : PLAIN_SINGLE
        : triple
          ? PLAIN_DOUBLE_TRIPLE
          : PLAIN_DOUBLE;
    let out = '';
    for (;;) {
      plain.lastIndex = this.pos;
      plain.test(this.text);
      if (plain.lastIndex > this.pos) {
        out += this.text.slice(this.pos, plain.lastIndex);
        this.pos = plain.lastIndex;
      }
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string', start);
      if (c === quote) {
        if (!triple) {
          this.pos++;
          return out;
        }
        if (this.text.startsWith(quote.repeat(3), this.pos)) {
          this.pos += 3;
          return out;
        }
        out += c;
        this.pos++;
        continue;
      }
      if (c === '\n') this.fail('newline in a string', this.pos);
      // A backslash.
      if (raw) {
        // Raw strings keep the backslash, and an escaped quote does not end them.
        const next = this.text[this.pos + 1];
        if (next === undefined) this.fail('unterminated string', start);
        out += c + next;
        this.pos += 2;
        continue;
      }
      out += this.escape();
    }
  }

  private escape(): string {
    const at = this.pos;
    const c = this.text[this.pos + 1];
    if (c === undefined) this.fail('unterminated escape', at);
    this.pos += 2;
    if (c === '\n') return '';
    const simple = simpleEscapes[c];
    if (simple !== undefined) return simple;
    if (c >= '0' && c <= '7') {
      const digits = /^[0-7]{1,3}/.exec(this.text.slice(at + 1, at + 4))?.[0] ?? c;
      this.pos = at + 1 + digits.length;
      return String.fromCodePoint(parseInt(digits, 8));
    }
    const hexLength = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const hex = this.text.slice(this.pos, this.pos + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex))
        this.fail(`truncated \\${c} escape`, at);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) this.fail('code point out of range', at);
      this.pos += hexLength;
      return String.fromCodePoint(code);
    }
    if (c === 'N') this.fail('named unicode escapes are not supported', at);
    // Python keeps unknown escapes as written.
    return `\\${c}`;
  }
}
