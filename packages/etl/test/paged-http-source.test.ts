import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { createChunkedSink, createPagedHttpSource, etl } from '../src/index.js';
import { RetryableError } from '../src/retry.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    void handler(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const noWait = { baseDelayMs: 1, sleep: () => Promise.resolve() };

describe('createPagedHttpSource', () => {
  it('follows links.next (relative or absolute) until it is absent', async () => {
    const base = await serve((_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const next = page < 3 ? `/users?page=${page + 1}` : undefined;
      json(res, 200, {
        user: [{ id: page * 10 }, { id: page * 10 + 1 }],
        links: next ? { next } : {},
      });
    });
    const source = createPagedHttpSource<{ id: number }>({
      url: `${base}/users`,
      items: (body) => (body as { user: { id: number }[] }).user,
    });
    const ids: number[] = [];
    for await (const user of source) ids.push(user.id);
    expect(ids).toEqual([10, 11, 20, 21, 30, 31]);
    expect(source.requests).toBe(3);
  });

  it('pages by start/limit until a short page', async () => {
    const all = Array.from({ length: 25 }, (_, i) => ({ id: i }));
    const asked: string[] = [];
    const base = await serve((_req, res, url) => {
      const start = Number(url.searchParams.get('start'));
      const limit = Number(url.searchParams.get('limit'));
      asked.push(`${start}/${limit}`);
      json(res, 200, { items: all.slice(start, start + limit) });
    });
    const source = createPagedHttpSource<{ id: number }>({
      url: `${base}/items`,
      paging: 'offset',
      limit: 10,
    });
    const ids: number[] = [];
    for await (const item of source) ids.push(item.id);
    expect(ids).toEqual(all.map((r) => r.id));
    expect(asked).toEqual(['0/10', '10/10', '20/10']);
  });

  it('retries 429 and 503, honouring Retry-After, then succeeds', async () => {
    let calls = 0;
    const base = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) return json(res, 429, { error: 'slow down' }, { 'retry-after': '2' });
      if (calls === 2) return json(res, 503, { error: 'down' });
      json(res, 200, { items: [{ id: 1 }] });
    });
    const waits: number[] = [];
    const source = createPagedHttpSource({
      url: base,
      retry: {
        baseDelayMs: 5,
        random: () => 0,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    });
    const items: unknown[] = [];
    for await (const item of source) items.push(item);
    expect(items).toEqual([{ id: 1 }]);
    expect(waits).toEqual([2000, 5]);
    expect(source.requests).toBe(3);
  });

  it('gives up after the retries with TEMPFAIL for 429 and AUTH for 401', async () => {
    const base = await serve((req, res) => {
      if (req.url?.startsWith('/limited')) return json(res, 429, {});
      json(res, 401, { error: 'bad signature' });
    });
    const drain = async (url: string): Promise<unknown> => {
      try {
        for await (const _ of createPagedHttpSource({ url, retry: { ...noWait, retries: 2 } }))
          void _;
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const limited = await drain(`${base}/limited`);
    expect(isToolbeltError(limited) && limited.code).toBe('TEMPFAIL');
    const refused = await drain(`${base}/users`);
    expect(isToolbeltError(refused) && refused.code).toBe('AUTH');
  });

  it('reads at most `prefetch` pages ahead of a slow consumer', async () => {
    let served = 0;
    const base = await serve((_req, res, url) => {
      served += 1;
      const page = Number(url.searchParams.get('page') ?? '1');
      json(res, 200, { items: [page], links: page < 20 ? { next: `/?page=${page + 1}` } : {} });
    });
    const source = createPagedHttpSource<number>({ url: base, prefetch: 2 });
    let maxAhead = 0;
    let consumed = 0;
    for await (const page of source.pages()) {
      consumed += page.length;
      await new Promise((resolve) => setTimeout(resolve, 15));
      maxAhead = Math.max(maxAhead, served - consumed);
    }
    expect(consumed).toBe(20);
    // The page being handed over, `prefetch` buffered, one request in flight.
    expect(maxAhead).toBeLessThanOrEqual(3);
  });
});

describe('sample job: update parent buildings to child buildings', () => {
  interface ApiUser {
    id: number;
    role: 'parent' | 'student';
    building_ids: string[];
    children?: number[];
  }

  it('streams users page by page, keeps parents, bulk-PUTs in chunks of 50', async () => {
    const users: ApiUser[] = [];
    for (let p = 0; p < 60; p += 1) {
      const kids = [1000 + p * 2, 1001 + p * 2];
      users.push({ id: p, role: 'parent', building_ids: ['old'], children: kids });
      users.push({ id: kids[0] as number, role: 'student', building_ids: ['b1', 'x9'] });
      users.push({ id: kids[1] as number, role: 'student', building_ids: [p % 2 ? 'b2' : 'b1'] });
    }
    const byId = new Map(users.map((u) => [u.id, u]));
    const puts: number[] = [];
    const base = await serve(async (req, res, url) => {
      if (req.method === 'PUT') {
        let body = '';
        for await (const chunk of req) body += String(chunk);
        const update = JSON.parse(body) as {
          users: { user: { id: number; building_ids: string[] }[] };
        };
        puts.push(update.users.user.length);
        for (const u of update.users.user)
          (byId.get(u.id) as ApiUser).building_ids = u.building_ids;
        return json(res, 200, {});
      }
      const start = Number(url.searchParams.get('start') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '20');
      const next =
        start + limit < users.length ? `/users?start=${start + limit}&limit=${limit}` : undefined;
      json(res, 200, { user: users.slice(start, start + limit), links: next ? { next } : {} });
    });

    const allowed = ['b1', 'b2'];
    const result = await etl<ApiUser, { id: number; building_ids: string[] }>({
      streamIn: (url: string) =>
        createPagedHttpSource<ApiUser>({
          url,
          limit: 20,
          items: (b) => (b as { user: ApiUser[] }).user,
        }),
      streamInParams: `${base}/users`,
      filters: [(u: ApiUser, role: string) => u.role === role],
      filterParams: ['parent'],
      transforms: [
        (u: ApiUser, options: { allowed: string[]; behaviour: 'add' | 'replace' }) => {
          const fromKids = (u.children ?? []).flatMap((k) => byId.get(k)?.building_ids ?? []);
          const union = new Set(
            options.behaviour === 'add' ? [...u.building_ids, ...fromKids] : fromKids,
          );
          const building_ids = [...union].filter((b) => options.allowed.includes(b)).sort();
          return building_ids.length === 0 ? null : { id: u.id, building_ids };
        },
      ],
      transParams: [{ allowed, behaviour: 'replace' }],
      streamOut: (records, url: string, context) =>
        createChunkedSink<{ id: number; building_ids: string[] }>({
          size: 50,
          write: async (chunk) => {
            const response = await fetch(url, {
              method: 'PUT',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ users: { user: chunk } }),
            });
            if (response.status >= 500) throw new RetryableError(`PUT ${response.status}`);
          },
        })(records, context),
      streamOutParams: `${base}/users`,
    });

    expect(result).toMatchObject({
      read: 180,
      filteredOut: 120,
      dropped: 0,
      written: 60,
      failed: 0,
    });
    expect(puts).toEqual([50, 10]);
    expect(byId.get(0)?.building_ids).toEqual(['b1']);
    expect(byId.get(1)?.building_ids).toEqual(['b1', 'b2']);
  });
});
