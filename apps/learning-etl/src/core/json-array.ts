/**
 * An incremental reader of a JSON array that hands out its elements as text arrives, fast: it
 * only finds where the top-level elements end (tracking strings, escapes and nesting depth)
 * and leaves the parsing of the elements to the native `JSON.parse`, one call per batch of
 * complete elements. Only the incomplete last element is carried from one piece of text to the
 * next, so memory holds about one input chunk whatever the array's length.
 *
 * Every character between `[` and `]` goes through `JSON.parse` (batches of whole elements
 * wrapped in brackets), so anything `JSON.parse` of the whole document would refuse is refused
 * here too, with the character offset of the problem.
 */

/** The text is not a JSON array; `position` is the 0-based character offset of the problem. */
export class JsonArrayError extends Error {
  override readonly name = 'JsonArrayError';
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at character ${position}`);
  }
}

/** Options of {@link JsonArrayReader}. */
export interface JsonArrayReaderOptions {
  /**
   * Longest single element accepted, in characters (default 64 Mi): bounds the memory a
   * hostile or broken response (one endless string) can take.
   */
  maxElementChars?: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BOM = 0xfeff;

const BEFORE = 0;
const INSIDE = 1;
const AFTER = 2;

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isJsonSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Index of the first non-whitespace character of `text` in [from, to), or -1. */
function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isJsonSpace(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * Index of the quote closing a string whose body starts at `from` (an odd run of backslashes
 * before a quote escapes it), or -1 when the string goes on past the end of `text`.
 */
function closingQuote(text: string, from: number): number {
  let quote = text.indexOf('"', from);
  while (quote >= 0) {
    let slashes = 0;
    for (let j = quote - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if ((slashes & 1) === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/**
 * Index of the quote closing a string whose body goes on at `from` of this piece of text (no
 * escape pending there), or -1 if the string does not end in it; then `escaped` tells whether
 * the piece ended in the middle of an escape (an odd run of backslashes).
 */
function stringEnd(text: string, from: number, state: { escaped: boolean }): number {
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    const end = quote < 0 ? text.length : quote;
    let slashes = 0;
    for (let j = end - 1; j >= i && text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (quote < 0) {
      state.escaped = (slashes & 1) === 1;
      return -1;
    }
    if ((slashes & 1) === 0) return quote;
    i = quote + 1;
  }
}

/**
 * Feed text with {@link push} (pieces cut anywhere), then call {@link end}; both return the
 * elements completed so far, in order. Throws {@link JsonArrayError} on anything that is not
 * one JSON array (whitespace and a leading byte-order mark aside).
 *
 * Each piece is scanned as it is, never joined to the text before it first: V8 searches a
 * joined (cons) string about three times slower than a flat one.
 */
export class JsonArrayReader {
  /** Text of the incomplete element(s) before the current piece (after the last batch). */
  private tail = '';
  /** Character offset of `tail[0]` in the whole input. */
  private offset = 0;
  /** Nesting depth inside the top-level array (0: between its elements). */
  private depth = 0;
  /** Inside a string, and whether the next character is escaped. */
  private inString = false;
  private readonly string = { escaped: false };
  private state = BEFORE;
  /** Elements handed out so far. */
  private count = 0;
  private readonly maxElementChars: number;

  constructor(options: JsonArrayReaderOptions = {}) {
    this.maxElementChars = options.maxElementChars ?? 64 * 1024 * 1024;
  }

  /** Elements handed out so far. */
  get elements(): number {
    return this.count;
  }

  /** Add the next piece of text; returns the elements it completed (often many, maybe none). */
  push(text: string): unknown[] {
    if (text.length === 0) return [];
    if (this.state === AFTER) {
      this.expectNothingAfter(text, 0);
      this.offset += text.length;
      return [];
    }
    if (this.state === BEFORE) {
      const bom = this.offset === 0 && text.charCodeAt(0) === BOM ? 1 : 0;
      const start = firstNonSpace(text, bom, text.length);
      if (start < 0) {
        this.offset += text.length;
        return [];
      }
      if (text.charCodeAt(start) !== OPEN_BRACKET) {
        throw new JsonArrayError('the top level is not an array', this.offset + start);
      }
      this.state = INSIDE;
      // The elements start right after the bracket: forget what came before.
      this.offset += start + 1;
      return this.scan(text, start + 1);
    }
    return this.scan(text, 0);
  }

  /** The input is complete: returns the last elements, or throws if the array is unfinished. */
  end(): unknown[] {
    if (this.state === BEFORE) throw new JsonArrayError('the response is empty', this.offset);
    if (this.state === INSIDE) {
      throw new JsonArrayError(
        'the response ended before the array was closed',
        this.offset + this.tail.length,
      );
    }
    return [];
  }

  /** Scan `text` from `from`; hand out the batch of elements it completes. */
  private scan(text: string, from: number): unknown[] {
    const n = text.length;
    let i = from;
    let depth = this.depth;
    let boundary = -1;
    let close = -1;
    if (this.inString) {
      if (this.string.escaped) {
        this.string.escaped = false;
        i++;
      }
      const quote = i < n ? stringEnd(text, i, this.string) : -1;
      if (quote < 0) i = n;
      else {
        this.inString = false;
        i = quote + 1;
      }
    }
    if (!this.inString) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          const quote = stringEnd(text, i + 1, this.string);
          if (quote < 0) {
            this.inString = true;
            break;
          }
          i = quote + 1;
          continue;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (depth > 0) depth--;
          else if (c === CLOSE_BRACKET) {
            close = i;
            break;
          }
          // A stray `}` at depth 0 stays in the text: JSON.parse refuses it below.
        } else if (c === COMMA && depth === 0) boundary = i;
        i++;
      }
    }
    this.depth = depth;

    if (close >= 0) {
      const values = this.parseBatch(text, from, close, true);
      this.state = AFTER;
      this.offset += this.tail.length + (close - from);
      this.tail = '';
      this.expectNothingAfter(text, close + 1, close);
      this.offset += n - close;
      return values;
    }
    let values: unknown[] = [];
    if (boundary >= 0) {
      values = this.parseBatch(text, from, boundary, false);
      this.offset += this.tail.length + (boundary - from) + 1;
      this.tail = text.slice(boundary + 1);
    } else {
      this.tail = from > 0 ? this.tail + text.slice(from) : this.tail + text;
    }
    if (this.tail.length > this.maxElementChars) {
      throw new JsonArrayError(
        `record #${this.count + 1} is longer than ${this.maxElementChars} characters`,
        this.offset,
      );
    }
    return values;
  }

  /**
   * Parse the tail and `text[from, to)` (whole elements separated by commas, starting at
   * `this.offset`) with one `JSON.parse`. `last`: they end at the closing bracket (an empty
   * array is fine there).
   */
  private parseBatch(text: string, from: number, to: number, last: boolean): unknown[] {
    const tail = this.tail;
    // Checked on the pieces: reading the joined text would copy it once more.
    if (firstNonSpace(text, from, to) < 0 && firstNonSpace(tail, 0, tail.length) < 0) {
      if (last && this.count === 0) return [];
      throw new JsonArrayError(
        last ? 'a comma before the closing bracket' : 'a missing value before a comma',
        this.offset + tail.length + (to - from),
      );
    }
    let values: unknown[];
    try {
      values = JSON.parse(`[${tail}${text.slice(from, to)}]`) as unknown[];
    } catch (error) {
      throw this.locate(tail + text.slice(from, to), error as Error);
    }
    this.count += values.length;
    return values;
  }

  /** The error for a batch JSON.parse refused: which element, and where in the input. */
  private locate(body: string, batchError: Error): JsonArrayError {
    const to = body.length;
    let start = 0;
    let index = this.count;
    let depth = 0;
    for (let i = 0; i <= to; i++) {
      const c = i < to ? body.charCodeAt(i) : COMMA;
      if (c === QUOTE) {
        const quote = closingQuote(body, i + 1);
        if (quote < 0) break;
        i = quote;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
      else if (c === COMMA && depth === 0) {
        index++;
        const text = body.slice(start, i);
        if (firstNonSpace(text, 0, text.length) < 0) {
          return new JsonArrayError(`record #${index} is missing`, this.offset + start);
        }
        try {
          JSON.parse(text);
        } catch (error) {
          return this.elementError(index, start, error as Error);
        }
        start = i + 1;
      }
    }
    // Unbalanced text (a stray bracket, an unclosed string): report the element it starts in.
    try {
      JSON.parse(body.slice(start));
    } catch (error) {
      return this.elementError(index + 1, start, error as Error);
    }
    // Not reached in practice; position the batch's own error (it counted the added `[`).
    const at = /at position (\d+)/.exec(batchError.message);
    return new JsonArrayError(
      `not valid JSON (${batchError.message})`,
      this.offset + (at ? Number(at[1]) - 1 : 0),
    );
  }

  private elementError(index: number, start: number, error: Error): JsonArrayError {
    const at = /at position (\d+)/.exec(error.message);
    const position = this.offset + start + (at ? Number(at[1]) : 0);
    const reason = error.message.replace(/ in JSON at position \d+.*$/s, '');
    return new JsonArrayError(`record #${index} is not valid JSON (${reason})`, position);
  }

  /** After the closing bracket only whitespace may follow. */
  private expectNothingAfter(text: string, from: number, base = 0): void {
    const extra = firstNonSpace(text, from, text.length);
    if (extra >= 0) {
      throw new JsonArrayError('unexpected text after the array', this.offset + extra - base);
    }
  }
}
