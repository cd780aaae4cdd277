import { ToolbeltError } from '@toolbelt/errors';
import { quoteQualifiedName, quoteIdentifier } from './sql-identifier.js';

/**
 * CSV for `COPY ... (FORMAT csv)`. A NULL is an unquoted empty field; every other value is
 * quoted, so an empty string stays an empty string and commas, quotes, newlines and
 * backslashes need no further escaping.
 */
export function toCsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  return `"${toCopyText(value).replaceAll('"', '""')}"`;
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
      throw new ToolbeltError('DATA', 'Cannot load an invalid Date');
    }
    return value.toISOString();
  }
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return toArrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  throw new ToolbeltError('DATA', `Cannot load a value of type ${typeof value}`);
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
    throw new ToolbeltError(
      'DATA',
      `A row for COPY has ${row.length} values but ${width} columns were named`,
    );
  }
  let line = '';
  for (let i = 0; i < width; i++) {
    if (i > 0) line += ',';
    line += toCsvField(row[i]);
  }
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
  let parts: string[] = [];
  let size = 0;
  let count = 0;
  for await (const row of rows) {
    const line = toCsvLine(row, width);
    parts.push(line);
    size += line.length;
    count++;
    if (size >= chunkBytes) {
      yield { text: parts.join(''), rows: count };
      parts = [];
      size = 0;
      count = 0;
    }
  }
  if (count > 0) yield { text: parts.join(''), rows: count };
}

/** `COPY "table" ("a", "b") FROM <source> WITH (FORMAT csv)`. */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  if (columns.length === 0) {
    throw new ToolbeltError('USAGE', 'copyFrom needs at least one column');
  }
  const cols = columns.map(quoteIdentifier).join(', ');
  return `COPY ${quoteQualifiedName(table)} (${cols}) FROM ${source} WITH (FORMAT csv)`;
}
