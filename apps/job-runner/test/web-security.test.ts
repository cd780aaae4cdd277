import { request } from 'node:http';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { messages } from '../dist/i18n/index.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startWebServer, type WebDeps, type WebServer } from '../dist/web/server.js';
import { writeFixtureJobs } from './job-fixtures.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request, so headers a browser or fetch would not let us forge can be sent. */
function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Send no Host header at all. */
    noHost?: boolean;
  } = {},
): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        setHost: !options.noHost,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The session cookie and CSRF token a page hands out. */
function credentials(answer: Answer): { cookie: string; csrf: string } {
  const setCookie = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('jr_sid='));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(answer.body)?.[1];
  if (!cookie || !csrf) throw new Error(`no session in the answer (${answer.status})`);
  return { cookie, csrf };
}

let dir: TempDir;
let runner: Runner;
let web: WebServer;
let deps: WebDeps;
const started: string[] = [];

beforeAll(async () => {
  dir = makeTempDir('job-runner-web-security');
  writeFixtureJobs(dir.path);
  runner = await openRunner({
    databaseUrl: await testDatabaseUrl(),
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: false,
  });
  deps = {
    store: runner.store,
    jobs: () => runner.library.jobs,
    t: messages.translator('en'),
    lang: 'en',
    // A fake port: these tests are about who may start a run, not about running it.
    startRun: (request) => {
      started.push(request.job);
      return Promise.resolve(1);
    },
  };
  web = await startWebServer(deps, { port: 0, allowedHosts: ['jobs.example.org'] });
}, 120_000);

afterAll(async () => {
  await web?.close();
  await runner?.close();
  await dir?.cleanup();
});

const port = () => new URL(web.url).port;

it('refuses a DNS-rebinding request: a foreign Host gets 421, no page, no session, no token', async () => {
  for (const path of ['/', '/jobs/fail', '/runs', '/login', '/app.js']) {
    const answer = await send(`${web.url}${path}`, {
      headers: { host: `attacker.example:${port()}` },
    });
    expect(answer.status, path).toBe(421);
    expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
    expect(answer.headers['set-cookie'], path).toBeUndefined();
    expect(answer.body, path).not.toContain('_csrf');
    expect(answer.body, path).not.toContain('<form');
  }
  // With a session and token obtained under the right name, a rebound POST is still refused.
  const { cookie, csrf } = credentials(await send(`${web.url}/jobs/fail`));
  const forged = await send(`${web.url}/jobs/fail/runs`, {
    method: 'POST',
    headers: {
      host: `attacker.example:${port()}`,
      origin: `http://attacker.example:${port()}`,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: csrf }).toString(),
  });
  expect(forged.status).toBe(421);
  expect(started).toEqual([]);
});

it('answers under the bound address, localhost, [::1] and the configured names', async () => {
  for (const host of [
    `127.0.0.1:${port()}`,
    `localhost:${port()}`,
    `LOCALHOST`,
    `[::1]:${port()}`,
    `jobs.example.org`,
  ]) {
    const answer = await send(`${web.url}/jobs/fail`, { headers: { host } });
    expect(answer.status, host).toBe(200);
    expect(answer.headers['content-security-policy'], host).toContain("script-src 'self'");
    expect(answer.headers['x-frame-options'], host).toBe('DENY');
    expect(answer.body, host).toContain('name="_csrf"');
  }
  // HTTP/1.1 without a Host: Node's server refuses it before the app sees it.
  expect((await send(`${web.url}/`, { noHost: true })).status).toBe(400);
  for (const host of ['127.0.0.1.attacker.example', 'localhost.attacker.example']) {
    const answer = await send(`${web.url}/`, { headers: { host } });
    expect(answer.status, `host "${host}"`).toBe(421);
  }
  // Malformed names: the HTTP adapter answers 400 before any route.
  for (const host of ['localhost:8080@evil', '127.0.0.1:x']) {
    const answer = await send(`${web.url}/jobs/fail`, { headers: { host } });
    expect(answer.status, `host "${host}"`).toBe(400);
    expect(answer.body).not.toContain('_csrf');
  }
});

it('refuses state-changing requests from another origin, even with a valid session and token', async () => {
  const { cookie, csrf } = credentials(await send(`${web.url}/jobs/fail`));
  const form = {
    cookie,
    'content-type': 'application/x-www-form-urlencoded',
  };
  const body = new URLSearchParams({ _csrf: csrf }).toString();
  const post = (headers: Record<string, string>) =>
    send(`${web.url}/jobs/fail/runs`, { method: 'POST', headers: { ...form, ...headers }, body });

  const crossOrigin = await post({ origin: 'http://attacker.example' });
  expect(crossOrigin.status).toBe(403);
  expect(crossOrigin.body).toContain('did not come from a page of this site');
  expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  expect((await post({ 'sec-fetch-site': 'same-site', origin: 'null' })).status).toBe(403);
  // Neither header: not a browser form from this site either.
  expect((await post({})).status).toBe(403);
  // A body that is not a form never reaches a route.
  const json = await send(`${web.url}/jobs/fail/runs`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ _csrf: csrf }),
  });
  expect(json.status).toBe(403);
  expect(started).toEqual([]);

  const sameOrigin = await post({ origin: web.url });
  expect(sameOrigin.status).toBe(303);
  expect(sameOrigin.headers.location).toBe('/runs/1');
  expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  // Behind a TLS proxy that keeps the Host: the page's origin is https://<that host>.
  const proxied = { host: 'jobs.example.org', origin: 'https://jobs.example.org' };
  expect((await post(proxied)).status).toBe(303);
  expect((await post({ ...proxied, origin: 'https://jobs.example.org:8443' })).status).toBe(403);
  // Another port of this machine is another origin.
  expect((await post({ origin: `http://127.0.0.1:${Number(port()) + 1}` })).status).toBe(403);
  expect(started).toEqual(['fail', 'fail', 'fail']);
  started.length = 0;
});

/** A clock the test moves by hand: no real waiting, no timed assertions. */
function manualClock(): { now: () => number; advance(ms: number): void } {
  let at = 1_000_000;
  return { now: () => at, advance: (ms) => (at += ms) };
}

it('throttles wrong tokens with a growing wait, then locks the client out', async () => {
  const clock = manualClock();
  const guarded = await startWebServer(deps, {
    host: '127.0.0.2',
    port: 0,
    token: 'the-right-token-123',
    loginThrottle: { now: clock.now },
    sessions: { now: clock.now },
  });
  try {
    const { cookie, csrf } = credentials(await send(`${guarded.url}/login`));
    const login = (token: string) =>
      send(`${guarded.url}/login`, {
        method: 'POST',
        headers: {
          cookie,
          origin: guarded.url,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: csrf, token }).toString(),
      });
    // The attack of the issue: 300 wrong tokens in a row. Only the first four are even checked.
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await login(`guess-${i}`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
    const waiting = await login('guess');
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.body).toContain('Too many wrong tokens');

    // Each further try waits twice as long as the one before; the tenth wrong token locks out.
    const waits: number[] = [];
    for (let failures = 4; failures < 10; failures++) {
      const refused = await login('guess');
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      clock.advance(wait * 1000);
      expect((await login('guess')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
    // Locked out: even the right token is refused for 15 minutes.
    const locked = await login('the-right-token-123');
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    clock.advance(900_000);
    const ok = await login('the-right-token-123');
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/');
    // The login gave a new session; the one seen before the login does not open pages.
    const fresh = credentials({ ...ok, body: `name="_csrf" value="x"` }).cookie;
    expect(fresh).not.toBe(cookie);
    expect((await send(`${guarded.url}/`, { headers: { cookie: fresh } })).status).toBe(200);
    expect((await send(`${guarded.url}/`, { headers: { cookie } })).status).toBe(303);
  } finally {
    await guarded.close();
  }
});

it('creates sessions only on a form or the login, expires them and keeps a bounded number', async () => {
  const clock = manualClock();
  const small = await startWebServer(deps, {
    port: 0,
    sessions: { now: clock.now, max: 5, idleMs: 60_000 },
  });
  try {
    // Pages without a form, assets and unknown paths hand out no session.
    for (let i = 0; i < 2000; i++) {
      const answer = await send(`${small.url}${['/', '/app.js', '/nope'][i % 3]}`);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    const post = (who: { cookie: string; csrf: string }) =>
      send(`${small.url}/jobs/fail/runs`, {
        method: 'POST',
        headers: {
          cookie: who.cookie,
          origin: small.url,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: who.csrf }).toString(),
      });
    const first = credentials(await send(`${small.url}/jobs/fail`));
    expect((await post(first)).status).toBe(303);
    // A session unused for longer than its idle time is gone.
    clock.advance(60_001);
    expect((await post(first)).status).toBe(403);
    // Six new sessions with room for five: the oldest goes.
    const six = [];
    for (let i = 0; i < 6; i++) six.push(credentials(await send(`${small.url}/jobs/fail`)));
    expect((await post(six[0]!)).status).toBe(403);
    for (const who of six.slice(1)) expect((await post(who)).status).toBe(303);
    const expiry = ([] as string[]).concat(
      (await send(`${small.url}/jobs/fail`)).headers['set-cookie'] ?? [],
    );
    expect(expiry[0]).toMatch(/Max-Age=60;.*HttpOnly.*SameSite=Strict/);
  } finally {
    await small.close();
    started.length = 0;
  }
});

it('answers 413 to a form above the size limit and starts nothing', async () => {
  const { cookie, csrf } = credentials(await send(`${web.url}/jobs/fail`));
  const big = new URLSearchParams({ _csrf: csrf, note: 'x'.repeat(2 * 1024 * 1024) }).toString();
  const headers = {
    cookie,
    origin: web.url,
    'content-type': 'application/x-www-form-urlencoded',
  };
  const sized = await send(`${web.url}/jobs/fail/runs`, { method: 'POST', headers, body: big });
  expect(sized.status).toBe(413);
  expect(sized.body).toContain('larger than 1048576 bytes');
  // Without a length the body is read up to the limit only; then the answer is 413 or, when
  // the client is still sending, the connection is closed. Either way nothing runs.
  const chunked = await send(`${web.url}/jobs/fail/runs`, {
    method: 'POST',
    headers: { ...headers, 'transfer-encoding': 'chunked' },
    body: big,
  }).then(
    (answer) => answer.status,
    (error: Error) => error.message,
  );
  expect([413, 'socket hang up']).toContain(chunked);
  expect(started).toEqual([]);
});
