import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DestinationConnector, type Row } from '@toolbelt/connector';

/** One CSV field (RFC 4180 quoting); objects as JSON, null as empty. */
export function toCsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV file destination: the destination object is the file. Append adds rows (and the
 * header when the file is new or empty); Replace empties the file first.
 */
export class CsvDestination extends DestinationConnector {
  static override connectorId = 'csv';
  static override displayName = 'CSV file';

  override async run(): Promise<void> {
    await this.runBatches();
  }

  override async clear(): Promise<void> {
    if (existsSync(this.object)) await truncate(this.object, 0);
  }

  override async batch(rows: Row[]): Promise<number> {
    await mkdir(dirname(this.object), { recursive: true });
    const fresh = !existsSync(this.object) || statSync(this.object).size === 0;
    const out = createWriteStream(this.object, { flags: 'a' });
    const columns = this.destinationColumns;
    let text = fresh ? columns.map(toCsvField).join(',') + '\n' : '';
    for (const row of rows) {
      text += columns.map((c) => toCsvField(row[c])).join(',') + '\n';
      if (text.length > 256 * 1024) {
        if (!out.write(text)) await once(out, 'drain');
        text = '';
      }
    }
    out.end(text);
    await once(out, 'finish');
    return rows.length;
  }

  override async check(): Promise<void> {
    await mkdir(dirname(this.object), { recursive: true });
  }
}
