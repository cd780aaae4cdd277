import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchBrowser, type TestBrowser } from '@toolbelt/testkit/browser';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnExecutioner, waitForExit } from '../dist/adapters/launcher.js';
import { startRunWorker, type RunWorker } from '../dist/adapters/run-queue.js';
import { messages } from '../dist/i18n/index.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';
import { startWebServer, type WebDeps, type WebServer } from '../dist/web/server.js';
import { writeFixtureJobs } from './job-fixtures.js';

let dir: TempDir;
let runner: Runner;
let worker: RunWorker;
let web: WebServer;
let browser: TestBrowser;
let deps: WebDeps;

beforeAll(async () => {
  dir = makeTempDir('job-runner-web');
  writeFixtureJobs(dir.path);
  const url = await testDatabaseUrl();
  runner = await openRunner({
    databaseUrl: url,
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: false,
  });
  const target = await runner.target();
  // PostgreSQL mode as in production: the web UI queues, a worker executes.
  worker = await startRunWorker({
    connectionString: url,
    concurrency: 2,
    execute: async ({ runId }) => {
      await waitForExit(spawnExecutioner(target, runId));
    },
  });
  deps = {
    store: runner.store,
    jobs: () => runner.library.jobs,
    t: messages.translator('en'),
    lang: 'en',
    startRun: async (request) => (await startRun(runner, { ...request, launch: 'queue' })).run.id,
  };
  web = await startWebServer(deps, { port: 0 });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await worker?.stop();
  await runner?.close();
  await dir?.cleanup();
});

it('fills the generated form, executes, shows live lines and the final status', async () => {
  const page = await browser.newPage();
  await page.goto(`${web.url}/`);
  await page.click('a[href="/jobs/slow-lines"]');
  expect(await page.getAttribute('#f-lines', 'value')).toBe('6');
  expect(await page.getAttribute('#f-lines', 'type')).toBe('number');
  expect(await page.locator('label[for="f-who"] .req').count()).toBe(1);
  await page.fill('#f-who', 'Ann <b>');
  await page.selectOption('#f-mode', 'loud');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/runs\/\d+$/);
  const firstLine = page.locator('#log .l.stdout', { hasText: 'line 1 for Ann <b> (loud)' });
  await firstLine.waitFor({ timeout: 60_000 });
  // The first line is on the page while the job still has five more to print.
  expect(await page.getAttribute('#status', 'data-status')).not.toBe('succeeded');
  await page.locator('#status[data-status="succeeded"]').waitFor({ timeout: 60_000 });
  expect(await page.textContent('#exit-code')).toBe('0');
  expect(await page.locator('#log .l.stdout').count()).toBe(7);
  expect(await page.locator('#log .l.stdout').last().textContent()).toBe(
    '<script>window.injected = true</script>',
  );
  expect(await page.evaluate('typeof window.injected')).toBe('undefined');
  // A reload shows the stored log, escaped the same way.
  await page.reload();
  expect(await page.locator('#log .l', { hasText: 'line 6 for Ann <b> (loud)' }).count()).toBe(1);
  await page.close();
}, 120_000);

it('re-runs a run from the history page', async () => {
  const [previous] = await runner.store.listRuns({ job: 'slow-lines', limit: 1 });
  const page = await browser.newPage();
  await page.goto(`${web.url}/runs?q=${encodeURIComponent('for Ann')}`);
  expect(await page.locator('tr[data-run]').count()).toBe(1);
  await page.click(`tr[data-run="${previous!.id}"] button[type=submit]`);
  await page.waitForURL(/\/runs\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  expect(id).toBeGreaterThan(previous!.id);
  await page.locator('#status[data-status="succeeded"]').waitFor({ timeout: 60_000 });
  const rerun = await runner.store.getRun(id);
  expect(rerun?.rerunOf).toBe(previous!.id);
  expect(rerun?.params).toEqual(previous!.params);
  await page.close();
}, 120_000);

it('refuses POSTs without the CSRF token', async () => {
  const before = (await runner.store.listRuns({ limit: 1000 })).length;
  const response = await fetch(`${web.url}/jobs/fail/runs`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: 'guess' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(403);
  expect((await runner.store.listRuns({ limit: 1000 })).length).toBe(before);
});

it('refuses a form that a page of another origin submits in the browser', async () => {
  // The hostile page: another origin on this machine whose form posts to the job runner.
  const hostile = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<form id="f" method="post" action="${web.url}/jobs/fail/runs"><input name="_csrf" value="guess"></form><script>document.getElementById('f').submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  try {
    const before = (await runner.store.listRuns({ limit: 1000 })).length;
    const page = await browser.newPage();
    // A visit to the job runner first, so the browser holds a session cookie to send along.
    await page.goto(`${web.url}/jobs/fail`);
    await page.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
    await page.waitForURL(`${web.url}/jobs/fail/runs`);
    expect(await page.textContent('h1')).toBe('403');
    expect(await page.textContent('main p')).toBe(
      'This request did not come from a page of this site, so it was refused.',
    );
    expect((await runner.store.listRuns({ limit: 1000 })).length).toBe(before);
    await page.close();
  } finally {
    await new Promise((resolve) => {
      hostile.close(resolve);
      hostile.closeAllConnections();
    });
  }
}, 120_000);

it('needs a token off the default loopback address, and a login with it', async () => {
  await expect(startWebServer(deps, { host: '127.0.0.2', port: 0 })).rejects.toMatchObject({
    code: 'CONFIG',
  });
  const guarded = await startWebServer(deps, {
    host: '127.0.0.2',
    port: 0,
    token: 'let-me-in-123',
  });
  try {
    const before = (await runner.store.listRuns({ limit: 1000 })).length;
    const anonymous = await fetch(`${guarded.url}/`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login');
    expect((await fetch(`${guarded.url}/runs/1/events`)).status).toBe(401);

    const page = await browser.newPage();
    await page.goto(`${guarded.url}/jobs/fail`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#token', 'wrong-token');
    await page.click('button[type=submit]');
    expect(await page.textContent('.problems')).toBe('Wrong token.');
    await page.fill('#token', 'let-me-in-123');
    await page.click('button[type=submit]');
    await page.waitForURL(`${guarded.url}/`);
    expect(await page.locator('a[href="/jobs/slow-lines"]').count()).toBe(1);
    expect((await runner.store.listRuns({ limit: 1000 })).length).toBe(before);
    await page.close();
  } finally {
    await guarded.close();
  }
}, 120_000);
