import { messages } from './i18n/index.js';
import type { PagedSource } from './pipeline.js';
import { prefetch } from './prefetch.js';
import { RetryableError, retryAfterMs, withRetry, type RetryOptions } from './retry.js';

/** Options of `createPagedHttpSource`. */
export interface PagedHttpSourceOptions<T> {
  /** First page's URL. */
  url: string | URL;
  /**
   * `links` (default): follow `body.links.next` until absent (Schoology style).
   * `offset`: request `start`/`limit` pages until a short page (or `total`) is reached.
   */
  paging?: 'links' | 'offset';
  /** Page size, sent as `limitParam` (offset paging always; links paging when given). */
  limit?: number;
  /** Query parameter names for offset paging (default `start` and `limit`). */
  startParam?: string;
  limitParam?: string;
  /** Records of one page body (default: `body` if an array, else `items`, `data` or `results`). */
  items?: (body: unknown) => T[];
  /** Request headers, fixed or per request (e.g. an OAuth 1 signature of the URL). */
  headers?:
    | Record<string, string>
    | ((url: string) => Record<string, string> | Promise<Record<string, string>>);
  /** Pages fetched ahead of the consumer (default 2). Bounds memory to that many pages. */
  prefetch?: number;
  /** Back-off on 429, 5xx and network errors (honours `Retry-After`). */
  retry?: RetryOptions;
  /** Timeout of one request (default 30 s). */
  timeoutMs?: number;
  /** Stop after this many pages (a guard against servers that loop). */
  maxPages?: number;
  /** HTTP client (default global fetch). */
  fetch?: typeof fetch;
}

/** A paged HTTP source: iterate records or whole pages; counts requests made. */
export interface PagedHttpSource<T> extends PagedSource<T>, AsyncIterable<T> {
  /** HTTP requests sent so far, retries included. */
  readonly requests: number;
}

function defaultItems<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const record = body as Record<string, unknown> | null;
  for (const key of ['items', 'data', 'results']) {
    const value = record?.[key];
    if (Array.isArray(value)) return value as T[];
  }
  throw messages.error('DATA', 'errors.http.noItems');
}

function nextLink(body: unknown): string | undefined {
  const links = (body as { links?: { next?: unknown } } | null)?.links;
  return typeof links?.next === 'string' && links.next !== '' ? links.next : undefined;
}

/**
 * Streams records from a paged JSON API, a page at a time, following `links.next` or
 * offset/limit, with `prefetch` pages read ahead and retries with back-off.
 */
export function createPagedHttpSource<T = unknown>(
  options: PagedHttpSourceOptions<T>,
): PagedHttpSource<T> {
  const doFetch = options.fetch ?? fetch;
  const items = options.items ?? defaultItems<T>;
  const paging = options.paging ?? 'links';
  const startParam = options.startParam ?? 'start';
  const limitParam = options.limitParam ?? 'limit';
  let requests = 0;

  const getJson = async (url: string): Promise<unknown> =>
    withRetry(async () => {
      requests += 1;
      const headers =
        typeof options.headers === 'function'
          ? await options.headers(url)
          : (options.headers ?? {});
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json', ...headers },
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        throw new RetryableError(`GET ${url} failed: ${(error as Error).message}`, undefined, {
          cause: error,
        });
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        throw new RetryableError(
          `GET ${url} answered ${response.status}`,
          retryAfterMs(response.headers.get('retry-after')),
        );
      }
      if (!response.ok) {
        await response.body?.cancel();
        const code = response.status === 401 || response.status === 403 ? 'AUTH' : 'UNAVAILABLE';
        throw messages.error(code, 'errors.http.status', { url, status: response.status });
      }
      try {
        return await response.json();
      } catch (error) {
        throw messages.error('DATA', 'errors.http.notJson', { url }, { cause: error });
      }
    }, options.retry).catch((error: unknown) => {
      if (error instanceof RetryableError) {
        const code = /answered 429/.test(error.message) ? 'TEMPFAIL' : 'UNAVAILABLE';
        throw messages.error(
          code,
          'errors.http.retriesExhausted',
          { message: error.message },
          { cause: error },
        );
      }
      throw error;
    });

  async function* fetchPages(): AsyncGenerator<T[]> {
    const first = new URL(options.url);
    if (options.limit !== undefined) first.searchParams.set(limitParam, String(options.limit));
    let pages = 0;
    const more = (): boolean => options.maxPages === undefined || pages < options.maxPages;
    if (paging === 'links') {
      let url: string | undefined = first.toString();
      while (url !== undefined && more()) {
        const body = await getJson(url);
        pages += 1;
        yield items(body);
        const next = nextLink(body);
        url = next === undefined ? undefined : new URL(next, url).toString();
      }
      return;
    }
    const limit = options.limit ?? 100;
    for (let start = 0; more(); start += limit) {
      const url = new URL(first);
      url.searchParams.set(startParam, String(start));
      url.searchParams.set(limitParam, String(limit));
      const body = await getJson(url.toString());
      pages += 1;
      const page = items(body);
      yield page;
      const total = Number((body as { total?: unknown } | null)?.total);
      if (page.length < limit || (Number.isFinite(total) && start + limit >= total)) return;
    }
  }

  const pages = (): AsyncIterable<T[]> => prefetch(fetchPages(), options.prefetch ?? 2);
  return {
    get requests() {
      return requests;
    },
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
  };
}
