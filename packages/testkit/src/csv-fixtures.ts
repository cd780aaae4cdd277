/**
 * Deterministic CSV inputs for connector tests and benchmarks: the same `count` and `seed`
 * always give the same file, so tests can assert exact rows.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from './random.js';

/** Columns of every generated row. */
export const csvFixtureColumns = ['id', 'name', 'email', 'amount', 'created_at'] as const;

/** One generated row, as strings (what a CSV reader returns). */
export type CsvFixtureRow = Record<(typeof csvFixtureColumns)[number], string>;

const names = ['Ann', 'Bob', 'Chloé', 'Dmitri', 'Eve', 'Fay, Jr.', 'Gus "G"', 'Hana'];

/** Rows 1..count, lazily (memory stays flat for millions of rows). */
export function* generateCsvRows(count: number, seed = 42): Generator<CsvFixtureRow> {
  const random = seededRandom(seed);
  const base = Date.UTC(2024, 0, 1);
  for (let i = 1; i <= count; i += 1) {
    const name = names[Math.floor(random() * names.length)] as string;
    yield {
      id: String(i),
      name,
      email: `user${i}@example.com`,
      amount: (Math.floor(random() * 1_000_000) / 100).toFixed(2),
      created_at: new Date(base + Math.floor(random() * 365 * 86_400_000)).toISOString(),
    };
  }
}

/** One CSV field, quoted when it holds a comma, quote or newline (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes a header line and `count` generated rows to `path`, streaming. Returns the row count. */
export async function writeCsvFixture(path: string, count: number, seed = 42): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const flush = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await flush(csvFixtureColumns.join(',') + '\n');
  let buffer = '';
  for (const row of generateCsvRows(count, seed)) {
    buffer += csvFixtureColumns.map((c) => csvField(row[c])).join(',') + '\n';
    if (buffer.length > 64 * 1024) {
      await flush(buffer);
      buffer = '';
    }
  }
  await flush(buffer);
  out.end();
  await once(out, 'finish');
  return count;
}
