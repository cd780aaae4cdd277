import { messages } from './i18n/index.js';
import { quoteQualifiedName, quoteIdentifier } from './sql-identifier.js';

/**
 * CSV for `COPY ... (FORMAT csv)`. A NULL is an unquoted empty field; every other value is
 * quoted, so an empty string stays an empty string and commas, quotes, newlines and
 * backslashes need no further escaping.
 */
export function toCsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Fast paths for the common values: this runs for every field of millions of rows, and most
  // strings hold no quote to double.
  if (typeof value === 'string') return quoteCsv(value);
  if (typeof value === 'boolean') return value ? '"true"' : '"false"';
  return quoteCsv(toCopyText(value));
}

function quoteCsv(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** The text PostgreSQL parses back into the column's value. */
function toCopyText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      // NaN and ±Infinity are spelled the way PostgreSQL's float input reads them.
      return Number.isNaN(value) ? 'NaN' : String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      break;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw messages.error('DATA', 'errors.copyInvalidDate');
    }
    return value.toISOString();
  }
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return toArrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  throw messages.error('DATA', 'errors.copyValueType', { type: typeof value });
}

/** JS arrays go to PostgreSQL array columns (as `pg` does for parameters). */
function toArrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return toArrayLiteral(item);
    return `"${toCopyText(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** One CSV line (with its newline) for a row of `width` values. */
export function toCsvLine(row: readonly unknown[], width: number): string {
  if (row.length !== width) {
    throw messages.error('DATA', 'errors.copyRowWidth', { values: row.length, columns: width });
  }
  let line = toCsvField(row[0]);
  for (let i = 1; i < width; i++) line += `,${toCsvField(row[i])}`;
  return `${line}\n`;
}

/** A batch of CSV text and the number of rows in it. */
export interface CsvChunk {
  text: string;
  rows: number;
}

/**
 * Group rows into CSV chunks of about `chunkBytes` characters, so memory holds one chunk
 * at a time whatever the input size.
 */
export async function* toCsvChunks(
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  width: number,
  chunkBytes: number,
): AsyncGenerator<CsvChunk> {
  // One growing string per chunk (V8 joins it without copying until it is written).
  let text = '';
  let count = 0;
  for await (const row of rows) {
    text += toCsvLine(row, width);
    count++;
    if (text.length >= chunkBytes) {
      yield { text, rows: count };
      text = '';
      count = 0;
    }
  }
  if (count > 0) yield { text, rows: count };
}

/** A batch of CSV bytes (UTF-8) and the number of rows in it. */
export interface CsvBytesChunk {
  bytes: Buffer;
  rows: number;
}

/**
 * Like {@link toCsvChunks}, but each line is encoded straight into a Buffer of about
 * `chunkBytes` bytes: no chunk-sized string is built and then flattened and encoded again,
 * which cost more than building the lines themselves at a million rows.
 */
export async function* toCsvBuffers(
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  width: number,
  chunkBytes: number,
): AsyncGenerator<CsvBytesChunk> {
  const size = Math.max(chunkBytes, 1024);
  let buffer = Buffer.allocUnsafe(size);
  let used = 0;
  let count = 0;
  for await (const row of rows) {
    const line = toCsvLine(row, width);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = line.length * 3;
    if (used + most > buffer.length) {
      if (count > 0) {
        yield { bytes: buffer.subarray(0, used), rows: count };
        count = 0;
      }
      buffer = Buffer.allocUnsafe(Math.max(size, most));
      used = 0;
    }
    used += buffer.write(line, used, 'utf8');
    count++;
    if (used >= chunkBytes) {
      yield { bytes: buffer.subarray(0, used), rows: count };
      buffer = Buffer.allocUnsafe(size);
      used = 0;
      count = 0;
    }
  }
  if (count > 0) yield { bytes: buffer.subarray(0, used), rows: count };
}

/** `COPY "table" ("a", "b") FROM <source> WITH (FORMAT csv)`. */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  if (columns.length === 0) {
    throw messages.error('USAGE', 'errors.copyNoColumns');
  }
  const cols = columns.map(quoteIdentifier).join(', ');
  return `COPY ${quoteQualifiedName(table)} (${cols}) FROM ${source} WITH (FORMAT csv)`;
}
