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
 * Feed text with {@link push} (pieces cut anywhere), then call {@link end}; both return the
 * elements completed so far, in order. Throws {@link JsonArrayError} on anything that is not
 * one JSON array (whitespace and a leading byte-order mark aside).
 */
export class JsonArrayReader {
  /** Unparsed text: the incomplete element(s) after the last batch handed out. */
  private buffer = '';
  /** Character offset of `buffer[0]` in the whole input. */
  private offset = 0;
  /** Where scanning resumes in `buffer`. */
  private scan = 0;
  /** Index in `buffer` of the last element-separating comma seen, or -1. */
  private boundary = -1;
  /** Nesting depth inside the top-level array (0: between its elements). */
  private depth = 0;
  private inString = false;
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
    const buffer = this.buffer.length > 0 ? this.buffer + text : text;
    const n = buffer.length;
    let i = this.scan;

    if (this.state === BEFORE) {
      if (this.offset === 0 && i === 0 && buffer.charCodeAt(0) === BOM) i = 1;
      const start = firstNonSpace(buffer, i, n);
      if (start < 0) {
        // Only whitespace so far: drop it, keep counting characters.
        this.offset += n;
        this.buffer = '';
        this.scan = 0;
        return [];
      }
      if (buffer.charCodeAt(start) !== OPEN_BRACKET) {
        throw new JsonArrayError('the top level is not an array', this.offset + start);
      }
      this.state = INSIDE;
      i = start + 1;
      // The elements start right after the bracket: forget what came before.
      this.offset += i;
      return this.scanFrom(buffer.slice(i), 0);
    }
    return this.scanFrom(buffer, i);
  }

  /** The input is complete: returns the last elements, or throws if the array is unfinished. */
  end(): unknown[] {
    if (this.state === BEFORE) throw new JsonArrayError('the response is empty', this.offset);
    if (this.state === INSIDE) {
      throw new JsonArrayError(
        'the response ended before the array was closed',
        this.offset + this.buffer.length,
      );
    }
    return [];
  }

  /** Scan `buffer` (whose unparsed elements start at 0) from `from`; hand out finished batches. */
  private scanFrom(buffer: string, from: number): unknown[] {
    const n = buffer.length;
    let i = from;
    let depth = this.depth;
    let boundary = this.boundary;
    let close = -1;
    if (this.inString) {
      const quote = closingQuote(buffer, i);
      if (quote < 0) i = n;
      else {
        this.inString = false;
        i = quote + 1;
      }
    }
    if (!this.inString) {
      while (i < n) {
        const c = buffer.charCodeAt(i);
        if (c === QUOTE) {
          const quote = closingQuote(buffer, i + 1);
          if (quote < 0) {
            this.inString = true;
            i = n;
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

    if (close >= 0) {
      const values = this.parseBatch(buffer, 0, close, true);
      this.state = AFTER;
      this.expectNothingAfter(buffer, close + 1);
      this.offset += n;
      this.buffer = '';
      this.scan = 0;
      return values;
    }

    let values: unknown[] = [];
    let rest = 0;
    if (boundary >= 0) {
      values = this.parseBatch(buffer, 0, boundary, false);
      rest = boundary + 1;
    }
    this.offset += rest;
    this.buffer = rest > 0 ? buffer.slice(rest) : buffer;
    this.scan = i - rest;
    this.boundary = -1;
    this.depth = depth;
    if (this.buffer.length > this.maxElementChars) {
      throw new JsonArrayError(
        `record #${this.count + 1} is longer than ${this.maxElementChars} characters`,
        this.offset,
      );
    }
    return values;
  }

  /**
   * Parse the elements in `buffer[from, to)` (whole elements separated by commas) with one
   * `JSON.parse`. `last`: the text ends at the closing bracket (an empty array is fine there).
   */
  private parseBatch(buffer: string, from: number, to: number, last: boolean): unknown[] {
    if (firstNonSpace(buffer, from, to) < 0) {
      if (last && this.count === 0) return [];
      throw new JsonArrayError(
        last ? 'a comma before the closing bracket' : 'a missing value before a comma',
        this.offset + to,
      );
    }
    let values: unknown[];
    try {
      values = JSON.parse(`[${buffer.slice(from, to)}]`) as unknown[];
    } catch (error) {
      throw this.locate(buffer, from, to, error as Error);
    }
    this.count += values.length;
    return values;
  }

  /** The error for a batch JSON.parse refused: which element, and where in the input. */
  private locate(buffer: string, from: number, to: number, batchError: Error): JsonArrayError {
    let start = from;
    let index = this.count;
    let depth = 0;
    for (let i = from; i <= to; i++) {
      const c = i < to ? buffer.charCodeAt(i) : COMMA;
      if (c === QUOTE) {
        const quote = closingQuote(buffer, i + 1);
        if (quote < 0 || quote >= to) break;
        i = quote;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
      else if (c === COMMA && depth === 0) {
        index++;
        const text = buffer.slice(start, i);
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
      JSON.parse(buffer.slice(start, to));
    } catch (error) {
      return this.elementError(index + 1, start, error as Error);
    }
    // Not reached in practice; position the batch's own error (it counted the added `[`).
    const at = /at position (\d+)/.exec(batchError.message);
    return new JsonArrayError(
      `not valid JSON (${batchError.message})`,
      this.offset + from + (at ? Number(at[1]) - 1 : 0),
    );
  }

  private elementError(index: number, start: number, error: Error): JsonArrayError {
    const at = /at position (\d+)/.exec(error.message);
    const position = this.offset + start + (at ? Number(at[1]) : 0);
    const reason = error.message.replace(/ in JSON at position \d+.*$/s, '');
    return new JsonArrayError(`record #${index} is not valid JSON (${reason})`, position);
  }

  /** After the closing bracket only whitespace may follow. */
  private expectNothingAfter(text: string, from: number): void {
    const extra = firstNonSpace(text, from, text.length);
    if (extra >= 0) {
      throw new JsonArrayError('unexpected text after the array', this.offset + extra);
    }
  }
}
