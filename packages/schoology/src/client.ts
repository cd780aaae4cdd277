import { randomBytes } from 'node:crypto';
import { RetryableError, createPagedHttpSource, type PagedHttpSource } from '@toolbelt/etl';
import { messages } from './i18n/index.js';
import { oauthHeader } from './oauth1.js';

/** Connection settings (from env: SCHOOLOGY_BASE_URL, SCHOOLOGY_CONSUMER_KEY, SCHOOLOGY_CONSUMER_SECRET). */
export interface SchoologyClientOptions {
  /** API base, e.g. `https://api.schoology.com/v1`. */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** HTTP client (default global fetch). */
  fetch?: typeof fetch;
}

/** The Schoology API calls the job library uses, each request signed with OAuth 1. */
export interface SchoologyClient {
  /** Stream a collection (`users`) page by page, following `links.next`. */
  streamPaged<T>(location: string, options?: { limit?: number }): PagedHttpSource<T>;
  /** GET one JSON resource. */
  getJson<T>(path: string): Promise<T>;
  /** Bulk PUT of up to 50 records to a collection (`users`); returns the number accepted. */
  bulkPut(location: string, records: readonly unknown[]): Promise<number>;
  /** Requests sent so far (quota awareness). */
  readonly requests: number;
}

/** Settings from the environment, or a CONFIG error listing what is missing. */
export function schoologyOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SchoologyClientOptions {
  const missing = [
    'SCHOOLOGY_BASE_URL',
    'SCHOOLOGY_CONSUMER_KEY',
    'SCHOOLOGY_CONSUMER_SECRET',
  ].filter((k) => !env[k]);
  if (missing.length > 0)
    throw messages.error(
      'CONFIG',
      'errors.settingsMissing',
      { names: missing.join(', ') },
      { problems: missing.map((name) => messages.text('problems.notSet', { name })) },
    );
  return {
    baseUrl: env.SCHOOLOGY_BASE_URL!,
    consumerKey: env.SCHOOLOGY_CONSUMER_KEY!,
    consumerSecret: env.SCHOOLOGY_CONSUMER_SECRET!,
  };
}

/** A Schoology API client over fetch, signing each request (HMAC-SHA1). */
export function createSchoologyClient(options: SchoologyClientOptions): SchoologyClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  let requests = 0;
  const sign = (method: string, url: string) => ({
    authorization: oauthHeader({
      method,
      url,
      consumerKey: options.consumerKey,
      consumerSecret: options.consumerSecret,
      nonce: randomBytes(12).toString('hex'),
      timestamp: Math.floor(Date.now() / 1000),
    }),
  });
  const fail = (method: string, url: string, status: number): never => {
    const params = { method, url, status };
    if (status === 429 || status >= 500)
      throw new RetryableError(messages.format('en', 'errors.answered', params));
    throw messages.error(
      status === 401 || status === 403 ? 'AUTH' : 'UNAVAILABLE',
      'errors.answered',
      params,
    );
  };
  return {
    get requests() {
      return requests;
    },
    streamPaged<T>(location: string, opts: { limit?: number } = {}) {
      const source = createPagedHttpSource<T>({
        url: `${base}/${location}`,
        paging: 'links',
        limit: opts.limit ?? 200,
        items: (body) =>
          ((body as Record<string, unknown>)[location.replace(/s$/, '')] ?? []) as T[],
        headers: (url) => {
          requests += 1;
          return sign('GET', url);
        },
        fetch: doFetch,
      });
      return source;
    },
    async getJson<T>(path: string) {
      const url = `${base}/${path}`;
      requests += 1;
      const response = await doFetch(url, {
        headers: { accept: 'application/json', ...sign('GET', url) },
      });
      if (!response.ok) fail('GET', url, response.status);
      return (await response.json()) as T;
    },
    async bulkPut(location, records) {
      const url = `${base}/${location}`;
      requests += 1;
      const key = location.replace(/s$/, '');
      const response = await doFetch(url, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...sign('PUT', url),
        },
        body: JSON.stringify({ [location]: { [key]: records } }),
      });
      if (!response.ok) fail('PUT', url, response.status);
      const body = (await response.json()) as Record<
        string,
        { response_code?: number }[] | undefined
      >;
      return (body[key] ?? []).filter((r) => r.response_code === 200).length;
    },
  };
}
