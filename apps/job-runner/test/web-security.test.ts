import { request } from 'node:http';
import { join } from 'node:path';
import { createI18n } from '@toolbelt/i18n';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogs } from '../dist/i18n/catalogs.js';
import { openRunner, type Runner } from '../dist/runner.js';
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
    t: createI18n({ lang: 'en', namespaces: catalogs }).t,
    lang: 'en',
    // A fake port: these tests are about who may start a run, not about running it.
    startRun: async (request) => {
      started.push(request.job);
      return 1;
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
  expect(started).toEqual(['fail', 'fail']);
  started.length = 0;
});
