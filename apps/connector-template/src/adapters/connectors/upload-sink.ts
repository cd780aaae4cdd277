import type { Row, SourceConnector } from '@toolbelt/connector';
import type { Sink } from '@toolbelt/etl';

/** An etl sink that hands chunks of rows to a source connector's `uploadRows`. */
export function uploadSink(connector: SourceConnector, chunkSize = 1000): Sink<Row> {
  return async (records) => {
    let written = 0;
    for await (const chunk of records.chunks(chunkSize))
      written += await connector.uploadRows(chunk);
    return written;
  };
}

/** Keeps only `columns` of a row (all of them when the list is empty), missing ones as null. */
export function pickColumns(row: Row, columns: readonly string[]): Row {
  if (columns.length === 0) return row;
  const out: Row = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}
