import { createReadStream } from 'node:fs';
import { ToolbeltError } from '@toolbelt/errors';

/** Options of `readCsv`. */
export interface CsvReadOptions {
  /** Field separator (default `,`). */
  delimiter?: string;
}

/**
 * Streams an RFC 4180 CSV file as records keyed by the header line. Quoted fields may hold
 * separators, doubled quotes and newlines. Memory: one read chunk plus one record.
 */
export async function* readCsv(
  path: string,
  options: CsvReadOptions = {},
): AsyncGenerator<Record<string, string>> {
  const delimiter = options.delimiter ?? ',';
  let header: string[] | undefined;
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let pending: Record<string, string>[] = [];

  const endRecord = (): void => {
    record.push(field);
    field = '';
    const values = record;
    record = [];
    if (values.length === 1 && values[0] === '') return; // blank line
    if (!header) {
      header = values.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      return;
    }
    if (values.length !== header.length) {
      throw new ToolbeltError(
        'DATA',
        `${path}: line ${line} has ${values.length} fields, the header has ${header.length}.`,
        {
          key: 'connector-template:csv.fieldCount',
          params: { path, line, found: values.length, expected: header.length },
        },
      );
    }
    const out: Record<string, string> = {};
    for (let i = 0; i < header.length; i += 1) out[header[i] as string] = values[i] as string;
    pending.push(out);
  };

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let start = 0;
      for (let i = 0; i < chunk.length; i += 1) {
        const c = chunk[i];
        if (quoted) {
          if (c === '"') {
            field += chunk.slice(start, i);
            start = i + 1;
            if (chunk[i + 1] === '"') {
              field += '"';
              i += 1;
              start = i + 1;
            } else if (i + 1 < chunk.length) {
              quoted = false;
              afterQuote = true;
            } else {
              // The chunk ends on a quote: decide with the next chunk's first character.
              quoted = false;
              afterQuote = true;
            }
          } else if (c === '\n') line += 1;
          continue;
        }
        if (afterQuote && c === '"') {
          // `""` split across chunks: a literal quote, still inside the field.
          field += '"';
          quoted = true;
          afterQuote = false;
          start = i + 1;
          continue;
        }
        afterQuote = false;
        if (c === '"' && start === i && field === '') {
          quoted = true;
          start = i + 1;
        } else if (c === delimiter) {
          record.push(field + chunk.slice(start, i));
          field = '';
          start = i + 1;
        } else if (c === '\n') {
          const end = i > start && chunk[i - 1] === '\r' ? i - 1 : i;
          field += chunk.slice(start, end);
          if (field.endsWith('\r')) field = field.slice(0, -1);
          endRecord();
          line += 1;
          start = i + 1;
        }
      }
      field += chunk.slice(start);
      if (pending.length > 0) {
        const ready = pending;
        pending = [];
        yield* ready;
      }
    }
    if (field !== '' || record.length > 0) {
      if (field.endsWith('\r')) field = field.slice(0, -1);
      endRecord();
    }
    yield* pending;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ToolbeltError('DATA', `CSV file not found: ${path}`, {
        cause: error,
        key: 'connector-template:csv.missing',
        params: { path },
      });
    }
    throw error;
  } finally {
    stream.destroy();
  }
}
