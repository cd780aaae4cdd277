import { SourceConnector, isInWindow, type Row } from '@toolbelt/connector';
import { createPagedHttpSource, pipe } from '@toolbelt/etl';
import { messages } from '../../i18n/index.js';
import { pickColumns, uploadSink } from './upload-sink.js';

/** Value at a dotted path (`data.items`) of a JSON body. */
function at(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], body);
}

/**
 * Paged HTTP JSON source: the source object is the first page's URL. Options: `paging`
 * (`links` follows `links.next`, `offset` sends start/limit), `limit`, `itemsPath` (where
 * the records are in a page). Credential `token` (optional) is sent as a Bearer token.
 */
export class HttpJsonSource extends SourceConnector {
  static override connectorId = 'http-json';
  static override displayName = 'HTTP JSON';

  private source() {
    const { paging, limit, itemsPath } = this.options as {
      paging?: 'links' | 'offset';
      limit?: number;
      itemsPath?: string;
    };
    const token = this.credentials.token;
    return createPagedHttpSource<Row>({
      url: this.object,
      paging: paging || undefined,
      limit: typeof limit === 'number' ? limit : undefined,
      items: itemsPath ? (body) => at(body, itemsPath) as Row[] : undefined,
      headers: token ? { authorization: `Bearer ${token}` } : undefined,
    });
  }

  override async run(): Promise<void> {
    const filterColumn = this.job.filterColumn;
    const source = this.source();
    await pipe(source)
      .filter((row) => !filterColumn || isInWindow(row[filterColumn], this.window))
      .map((row) => pickColumns(row, this.sourceColumns))
      .into(uploadSink(this));
    // Log rows are written in English.
    await this.logInfo(messages.format('en', 'log.httpRequests', { count: source.requests }));
  }

  override async check(): Promise<void> {
    for await (const page of this.source().pages()) {
      void page;
      return;
    }
  }
}
