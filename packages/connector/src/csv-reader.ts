import { createReadStream } from 'node:fs';
import type { MessageKey, ToolbeltError } from '@toolbelt/errors';
import { messages, type en } from './i18n/index.js';

/** Options of `readCsv`. */
export interface CsvReadOptions {
  /** Field separator (default `,`). */
  delimiter?: string;
  /**
   * Columns the caller reads (mapped source columns, the filter column): each must be in
   * the header, else a DATA error names the missing ones.
   */
  requiredColumns?: readonly string[];
}

/** Separators a file may use instead of the one configured; for the "wrong delimiter" hint. */
const COMMON_DELIMITERS = [',', ';', '\t', '|'];

const show = (d: string): string => (d === '\t' ? 'tab' : `'${d}'`);

type CsvErrorKey = Extract<MessageKey<typeof en>, `errors.csv${string}`>;

function dataError(
  key: CsvErrorKey,
  params: Record<string, unknown>,
  cause?: unknown,
): ToolbeltError {
  return messages.error('DATA', key, params, { cause });
}

/** The header's problems, as one DATA error: repeated names, missing columns, wrong delimiter. */
function checkHeader(
  path: string,
  header: readonly string[],
  delimiter: string,
  required: readonly string[],
): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of header) (seen.has(name) ? repeated : seen).add(name);
  if (repeated.size > 0)
    throw dataError('errors.csvDuplicateHeader', { path, columns: [...repeated].join(', ') });
  const missing = required.filter((c) => !seen.has(c));
  if (missing.length === 0) return;
  const only = header.length === 1 ? (header[0] as string) : undefined;
  const likely = only === undefined ? undefined : COMMON_DELIMITERS.find((d) => only.includes(d));
  if (likely !== undefined && likely !== delimiter) {
    throw dataError('errors.csvWrongDelimiter', {
      path,
      header: only,
      delimiter: show(delimiter),
      likely: show(likely),
    });
  }
  throw dataError('errors.csvMissingColumns', {
    path,
    columns: missing.join(', '),
    header: header.join(', '),
  });
}

/**
 * The physical line on which the quoted field that never closes was opened (csv-parse only
 * says where the file ended). Read again, on this error only; undefined if none is found.
 */
async function findUnclosedQuote(path: string, delimiter: string): Promise<number | undefined> {
  if (delimiter.length !== 1) return undefined;
  let line = 1;
  let openLine = 0;
  let atFieldStart = true;
  let quoted = false;
  let afterQuote = false;
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    for (let i = first && chunk.startsWith('\uFEFF') ? 1 : 0; i < chunk.length; i += 1) {
      const c = chunk[i];
      if (c === '\n') line += 1;
      if (quoted) {
        if (!afterQuote) {
          if (c === '"') afterQuote = true;
          continue;
        }
        afterQuote = false;
        // `""` is a quote inside the field; anything else ends it.
        if (c === '"') continue;
        quoted = false;
      }
      if (c === delimiter || c === '\n') atFieldStart = true;
      else if (c === '"' && atFieldStart) {
        quoted = true;
        openLine = line;
        atFieldStart = false;
      } else if (c !== '\r') atFieldStart = false;
    }
    first = false;
  }
  return quoted && !afterQuote ? openLine : undefined;
}

/** csv-parse's errors as DATA errors with the file and its physical line. */
async function toCsvError(
  path: string,
  error: unknown,
  expected: number | undefined,
  delimiter: string,
): Promise<unknown> {
  const e = error as { code?: unknown; lines?: unknown; record?: unknown; message?: unknown };
  if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return dataError('errors.csvMissing', { path }, error);
    return error;
  }
  const line = typeof e.lines === 'number' ? e.lines : 0;
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && Array.isArray(e.record)) {
    return dataError(
      'errors.csvFieldCount',
      { path, line, found: e.record.length, expected: expected ?? '?' },
      error,
    );
  }
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const opened = await findUnclosedQuote(path, delimiter).catch(() => undefined);
    if (opened !== undefined)
      return dataError('errors.csvQuoteNotClosed', { path, line: opened }, error);
  }
  const reason = typeof e.message === 'string' ? e.message : e.code;
  return dataError('errors.csvMalformed', { path, line, reason }, error);
}

/**
 * Streams an RFC 4180 CSV file (csv-parse) as records keyed by the header line. Quoted fields
 * may hold separators, doubled quotes and newlines; a BOM and blank lines are skipped. A
 * repeated header name, a required column missing from the header (or a file that seems to
 * use another delimiter), a line with a different number of fields or a broken quote is a
 * DATA error naming the file, the column or the physical line. Memory: one read chunk plus
 * one record.
 */
export async function* readCsv(
  path: string,
  options: CsvReadOptions = {},
): AsyncGenerator<Record<string, string>> {
  const delimiter = options.delimiter ?? ',';
  const { parse } = await import('csv-parse');
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const parser = stream.pipe(
    parse({
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_quotes: true,
      // Files edited on several systems mix CRLF and LF lines.
      record_delimiter: ['\r\n', '\n'],
    }),
  );
  stream.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = values;
        checkHeader(path, header, delimiter, options.requiredColumns ?? []);
        continue;
      }
      const out: Record<string, string> = {};
      for (let i = 0; i < header.length; i += 1) out[header[i] as string] = values[i] as string;
      yield out;
    }
  } catch (error) {
    throw await toCsvError(path, error, header?.length, delimiter);
  } finally {
    parser.destroy();
    stream.destroy();
  }
}
