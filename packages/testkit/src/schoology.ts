/**
 * A local stand-in of the Schoology users API (`/v1/users`), enough for jobs that stream users
 * and update them in bulk:
 *
 * - `GET /v1/users?start=&limit=` pages of `{ user: [...], total, links: { self, next } }`;
 *   `school_uids=a,b` filters by school uid (one page).
 * - `PUT /v1/users` with `{ users: { user: [...] } }`, at most 50 users per request (400 above),
 *   answering `{ user: [{ response_code, id }] }` per user.
 * - OAuth 1.0a consumer key/secret checked on every request (two-legged, `HMAC-SHA1` or
 *   `PLAINTEXT` signatures): 401 without or with a wrong signature.
 *
 * ```ts
 * const api = await startSchoologyStandIn({ users, consumerKey: 'k', consumerSecret: 's' });
 * // ... run the job against api.url ...
 * api.users.get(12) // the user as updated
 * await api.stop();
 * ```
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Schoology user (the fields jobs use; others pass through). */
export interface SchoologyUser {
  id: number;
  school_uid: string;
  name_first: string;
  name_last: string;
  role_id?: number;
  /** Primary building. */
  building_id: number;
  /** Other buildings, comma-separated ids ('' for none). */
  additional_buildings?: string;
  /** School uids of the user's children, comma-separated (parents only). */
  child_uids?: string;
  [key: string]: unknown;
}

/** Options of {@link startSchoologyStandIn}. */
export interface SchoologyStandInOptions {
  users: readonly SchoologyUser[];
  consumerKey: string;
  consumerSecret: string;
  /** Page size when the client sends no `limit` (default 20); the API caps it at 200. */
  defaultLimit?: number;
  /** Answer this many requests with 503 first (to test retries). */
  failFirst?: number;
}

/** One request as the stand-in saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Users in a bulk PUT. */
  bulkSize?: number;
  status: number;
}

/** A running stand-in. */
export interface SchoologyStandIn {
  /** Base URL, e.g. `http://127.0.0.1:1234/v1`. */
  readonly url: string;
  /** Current users by id (updated by PUTs). */
  readonly users: Map<number, SchoologyUser>;
  readonly requests: RecordedRequest[];
  stop(): Promise<void>;
}

const enc = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function parseAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined;
  const out: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/gi))
    out[match[1]!] = decodeURIComponent(match[2]!);
  return out;
}

/** Check the OAuth 1 signature of a request the way the real API does (two-legged). */
function signatureValid(
  req: IncomingMessage,
  baseUrl: string,
  url: URL,
  key: string,
  secret: string,
): boolean {
  const oauth = parseAuthorization(req.headers.authorization);
  if (!oauth || oauth.oauth_consumer_key !== key) return false;
  const given = oauth.oauth_signature ?? '';
  let expected: string;
  if (oauth.oauth_signature_method === 'PLAINTEXT') expected = `${enc(secret)}&`;
  else if (oauth.oauth_signature_method === 'HMAC-SHA1') {
    const params: [string, string][] = [];
    for (const [k, v] of url.searchParams) params.push([enc(k), enc(v)]);
    for (const [k, v] of Object.entries(oauth))
      if (k !== 'oauth_signature' && k !== 'realm') params.push([enc(k), enc(v)]);
    params.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    const base = [
      req.method ?? 'GET',
      enc(baseUrl + url.pathname),
      enc(params.map(([k, v]) => `${k}=${v}`).join('&')),
    ].join('&');
    expected = createHmac('sha1', `${enc(secret)}&`)
      .update(base)
      .digest('base64');
  } else return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Start the stand-in on 127.0.0.1 (a free port). */
export async function startSchoologyStandIn(
  options: SchoologyStandInOptions,
): Promise<SchoologyStandIn> {
  const users = new Map(options.users.map((u) => [u.id, { ...u }]));
  const requests: RecordedRequest[] = [];
  let failures = options.failFirst ?? 0;
  let origin = '';

  const reply = (res: ServerResponse, record: RecordedRequest, status: number, body: unknown) => {
    record.status = status;
    requests.push(record);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: 0,
      };
      if (failures > 0) {
        failures -= 1;
        return reply(res, record, 503, { error: 'temporarily unavailable' });
      }
      if (!signatureValid(req, origin, url, options.consumerKey, options.consumerSecret))
        return reply(res, record, 401, { error: 'invalid OAuth signature' });
      if (url.pathname !== '/v1/users') return reply(res, record, 404, { error: 'not found' });
      if (req.method === 'GET') {
        const all = [...users.values()].sort((a, b) => a.id - b.id);
        const uids = url.searchParams.get('school_uids');
        if (uids) {
          const wanted = new Set(uids.split(','));
          const found = all.filter((u) => wanted.has(u.school_uid));
          return reply(res, record, 200, {
            user: found,
            total: found.length,
            links: { self: url.toString() },
          });
        }
        const start = Math.max(0, Number(url.searchParams.get('start') ?? 0) || 0);
        const limit = Math.min(
          200,
          Math.max(1, Number(url.searchParams.get('limit') ?? options.defaultLimit ?? 20) || 20),
        );
        const page = all.slice(start, start + limit);
        const links: Record<string, string> = { self: url.toString() };
        if (start + limit < all.length) {
          const next = new URL(url);
          next.searchParams.set('start', String(start + limit));
          next.searchParams.set('limit', String(limit));
          links.next = next.toString();
        }
        return reply(res, record, 200, { user: page, total: all.length, links });
      }
      if (req.method === 'PUT') {
        let list: Partial<SchoologyUser>[];
        try {
          list = (JSON.parse(body) as { users: { user: Partial<SchoologyUser>[] } }).users.user;
          if (!Array.isArray(list)) throw new Error('not a list');
        } catch {
          return reply(res, record, 400, { error: 'body must be {"users":{"user":[...]}}' });
        }
        record.bulkSize = list.length;
        if (list.length > 50)
          return reply(res, record, 400, { error: 'at most 50 users per bulk request' });
        const results = list.map((patch) => {
          const current = patch.id === undefined ? undefined : users.get(Number(patch.id));
          if (!current) return { response_code: 404, id: patch.id, error: 'no such user' };
          users.set(current.id, { ...current, ...patch, id: current.id });
          return { response_code: 200, id: current.id };
        });
        return reply(res, record, 200, { user: results });
      }
      return reply(res, record, 405, { error: 'method not allowed' });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/v1`,
    users,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
