import { RetryableError, retryAfterMs, withRetry, type RetryOptions } from '@toolbelt/etl/retry';
import type { RequestWindow } from '../core/dates.js';
import { messages } from '../i18n/index.js';

/** Options of {@link openStatistics}. */
export interface StatisticsApiOptions {
  /** Endpoint (env `ITRESUME_API_URL`). */
  url: string;
  /** `client` query parameter (env `ITRESUME_CLIENT` or the original's `client`). */
  client: string;
  /** `client_key` query parameter (env `ITRESUME_CLIENT_KEY` or `client_key`); a secret. */
  clientKey: string;
  /** Back-off of retried requests (5xx, 429, network errors, timeouts). */
  retry?: RetryOptions;
  /** Time allowed until the response headers arrive, per attempt (default 30 s). */
  timeoutMs?: number;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (attempt: number, reason: string) => void;
  /** fetch implementation (default global fetch). */
  fetch?: typeof fetch;
}

/** The request URL with the original's query parameters. */
export function statisticsUrl(
  options: Pick<StatisticsApiOptions, 'url' | 'client' | 'clientKey'>,
  window: RequestWindow,
): URL {
  const url = new URL(options.url);
  url.searchParams.set('client', options.client);
  url.searchParams.set('client_key', options.clientKey);
  url.searchParams.set('start', window.start);
  url.searchParams.set('end', window.end);
  return url;
}

/**
 * Request a window of records; resolves once the response headers are in, with the body as a
 * stream of bytes (never buffered whole). HTTP 5xx, 429, timeouts and network errors are
 * retried with back-off; then UNAVAILABLE (or TEMPFAIL for 429). 401/403 are AUTH.
 */
export async function openStatistics(
  options: StatisticsApiOptions,
  window: RequestWindow,
): Promise<AsyncIterable<Uint8Array>> {
  const doFetch = options.fetch ?? fetch;
  const url = statisticsUrl(options, window);
  const shown = new URL(url);
  shown.searchParams.set('client_key', '***');
  let lastStatus = 0;
  try {
    return await withRetry(
      async (attempt) => {
        if (attempt > 0)
          options.onRetry?.(attempt, lastStatus ? `HTTP ${lastStatus}` : 'no answer');
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
        let response: Response;
        try {
          response = await doFetch(url, {
            signal: controller.signal,
            headers: { accept: 'application/json' },
          });
        } catch (cause) {
          lastStatus = 0;
          throw new RetryableError(
            `no answer from ${shown.origin}: ${(cause as Error).message}`,
            undefined,
            { cause },
          );
        } finally {
          clearTimeout(timer);
        }
        lastStatus = response.status;
        if (response.ok && response.body) return readBody(response);
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 429 || response.status >= 500) {
          throw new RetryableError(
            `HTTP ${response.status}`,
            retryAfterMs(response.headers.get('retry-after')),
          );
        }
        if (response.status === 401 || response.status === 403) {
          throw messages.error(
            'AUTH',
            'errors.apiAuth',
            { status: response.status },
            { hint: messages.text('errors.apiAuthHint') },
          );
        }
        throw messages.error('UNAVAILABLE', 'errors.apiStatus', { status: response.status });
      },
      { retries: 4, baseDelayMs: 1000, maxDelayMs: 30_000, ...options.retry },
    );
  } catch (error) {
    if (!(error instanceof RetryableError)) throw error;
    const limited = lastStatus === 429;
    throw messages.error(
      limited ? 'TEMPFAIL' : 'UNAVAILABLE',
      'errors.apiDown',
      { url: `${shown.origin}${shown.pathname}`, reason: error.message },
      { cause: error },
    );
  }
}

/**
 * The response body as bytes, keeping the Response reachable until the body is read: undici
 * cancels the body of a Response that is garbage-collected, so a long pause before reading
 * (PGlite starting, which allocates a lot) would otherwise end it early, silently and empty.
 */
async function* readBody(response: Response): AsyncGenerator<Uint8Array> {
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  yield* body;
  // Referenced after the loop on purpose: the Response must outlive the reading.
  if (!response.bodyUsed) await response.body?.cancel();
}
