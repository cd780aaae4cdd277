import { createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { launchBrowser, type TestBrowser } from '@toolbelt/testkit/browser';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnExecutioner, waitForExit } from '../dist/adapters/launcher.js';
import { startRunWorker, type RunWorker } from '../dist/adapters/run-queue.js';
import type { RunRecord } from '../dist/adapters/run-store.js';
import { messages } from '../dist/i18n/index.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';
import { startWebServer, type WebDeps, type WebServer } from '../dist/web/server.js';
import { writeFixtureJobs } from './job-fixtures.js';

/** Screenshots of every page at both widths, written by each run (git-ignored). */
const shots = fileURLToPath(new URL('../.screenshots/', import.meta.url));
const widths = [390, 1280] as const;

type Page = Awaited<ReturnType<TestBrowser['newPage']>>;

let dir: TempDir;
let runner: Runner;
let worker: RunWorker;
let browser: TestBrowser;
const servers: Record<'en' | 'ru', WebServer> = {} as never;
const guarded: Record<'en' | 'ru', WebServer> = {} as never;
let failed: RunRecord;

function depsIn(lang: 'en' | 'ru'): WebDeps {
  return {
    store: runner.store,
    jobs: () => runner.library.jobs,
    t: messages.translator(lang),
    lang,
    startRun: async (request) => (await startRun(runner, { ...request, launch: 'queue' })).run.id,
    schedules: () => [
      {
        id: 'nightly-fail',
        job: 'fail',
        cron: '0 6 * * *',
        params: {},
        nextAfter: (now) => new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1, 6)),
      },
      { id: 'never', job: 'sleepy', cron: '0 0 30 2 *', params: {}, nextAfter: () => undefined },
    ],
  };
}

/** A finished run stored as the executioner would have left it. */
async function storedRun(
  job: string,
  outcome: { status: 'succeeded' | 'failed'; exitCode: number; reason: string | null },
  lines: string[],
  startedBy = 'test',
): Promise<RunRecord> {
  const run = await runner.store.createRun({ job, params: {}, startedBy });
  await runner.store.claimRun(run.id, new Date(Date.now() - 2_500));
  await runner.store.appendLines(
    run.id,
    lines.map((line, i) => ({ seq: i + 1, stream: 'stdout' as const, at: new Date(), line })),
  );
  await runner.store.finishRun(run.id, outcome, new Date());
  return (await runner.store.getRun(run.id))!;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  dir = makeTempDir('job-runner-pages');
  writeFixtureJobs(dir.path);
  const url = await testDatabaseUrl();
  // The Toolbelt CLIs of this workspace are listed too (tech-tracker sync among them).
  runner = await openRunner({
    databaseUrl: url,
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: true,
  });
  const target = await runner.target();
  worker = await startRunWorker({
    connectionString: url,
    concurrency: 2,
    execute: async ({ runId }) => {
      await waitForExit(spawnExecutioner(target, runId));
    },
  });
  failed = await storedRun(
    'fail',
    { status: 'failed', exitCode: 3, reason: 'exit code 3' },
    ['something broke'],
    'schedule:nightly-fail',
  );
  for (const lang of ['en', 'ru'] as const) {
    servers[lang] = await startWebServer(depsIn(lang), { port: 0 });
    guarded[lang] = await startWebServer(depsIn(lang), {
      host: '127.0.0.2',
      port: 0,
      token: 'pages-token-123',
    });
  }
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of [...Object.values(servers), ...Object.values(guarded)]) await server.close();
  await worker?.stop();
  await runner?.close();
  await dir?.cleanup();
});

async function noHorizontalOverflow(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate<{ scroll: number; client: number }>(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  );
}

it('lists team jobs first, Toolbelt tools apart, each with its last run', async () => {
  const page = await browser.newPage();
  await page.goto(`${servers.en.url}/`);
  const sections = await page
    .locator('main section')
    .evaluateAll((s: { id: string }[]) => s.map((e) => e.id));
  expect(sections).toEqual(['team-jobs', 'toolbelt-tools']);
  expect(await page.locator('#team-jobs li[data-job="slow-lines"]').count()).toBe(1);
  expect(await page.locator('#team-jobs li[data-job^="tech-tracker"]').count()).toBe(0);
  expect(await page.locator('#toolbelt-tools li[data-job="tech-tracker sync"]').count()).toBe(1);
  expect(await page.locator('#toolbelt-tools li[data-job="slow-lines"]').count()).toBe(0);

  const last = page.locator('li[data-job="fail"] .last');
  expect(await last.getAttribute('href')).toBe(`/runs/${failed.id}`);
  expect(await last.locator('.status').getAttribute('data-status')).toBe('failed');
  expect(await last.locator('.status').textContent()).toBe('failed');
  expect(await last.locator('time').getAttribute('title')).toMatch(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
  );
  // The reader's local time, written by the page script (not the ISO value).
  expect(await last.locator('time').textContent()).not.toContain('T');
  expect(await last.locator('.duration').textContent()).toMatch(/^\d+\.\d s$/);
  expect(await page.locator('li[data-job="sleepy"] .last.never').textContent()).toBe('never run');
  await page.close();
}, 60_000);

it('lists the schedules with their next and last runs', async () => {
  const page = await browser.newPage();
  await page.goto(`${servers.en.url}/schedules`);
  const row = page.locator('tr[data-schedule="nightly-fail"]');
  expect(await row.locator('.last-run a').getAttribute('href')).toBe(`/runs/${failed.id}`);
  expect(await row.locator('.last-run .status').getAttribute('data-status')).toBe('failed');
  expect(await row.locator('.next time').getAttribute('title')).toMatch(/-01-01 06:00:00 UTC$/);
  expect(await page.locator('tr[data-schedule="never"] .last-run').textContent()).toBe('never run');
  await page.close();
}, 60_000);

it('builds a form from a Toolbelt CLI: labels from summaries, required kept, common flags gone', async () => {
  const page = await browser.newPage();
  await page.goto(`${servers.en.url}/jobs/${encodeURIComponent('tech-tracker sync')}`);
  const label = page.locator('label[for="f-school-year"]');
  expect(await label.textContent()).toBe('School year, NN-NN (e.g. 23-24) *');
  expect(await label.locator('.req').count()).toBe(1);
  expect(await page.getAttribute('#f-school-year', 'required')).toBe('');
  for (const common of [
    'json',
    'lang',
    'log-dir',
    'log-keep',
    'verbose',
    'quiet',
    'env-file',
    'timezone',
    'dotenv',
  ])
    expect(await page.locator(`[name="${common}"]`).count(), common).toBe(0);
  // Every label reads as words, not as the flag name.
  const labels = await page.locator('.field label').allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  for (const text of labels) expect(text).toMatch(/^[A-ZА-Я]/);
  await page.close();
}, 60_000);

it('shows a run finishing: status colour, duration, times, and no Cancel once it is over', async () => {
  const page = await browser.newPage();
  await page.goto(`${servers.en.url}/jobs/slow-lines`);
  await page.fill('#f-who', 'Ann');
  await page.fill('#f-lines', '3');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/runs\/\d+$/);
  await page.locator('#status[data-status="running"]').waitFor({ timeout: 60_000 });
  expect(await page.locator('#cancel-form button').count()).toBe(1);
  await page.locator('#status[data-status="succeeded"]').waitFor({ timeout: 60_000 });
  expect(await page.locator('#cancel-form').count()).toBe(0);
  const colour = () =>
    page.evaluate<string>("getComputedStyle(document.getElementById('status')).backgroundColor");
  expect(await colour()).toBe('rgb(218, 251, 225)');
  expect(await page.textContent('#duration')).toMatch(/^\d+\.\d s$/);
  expect(await page.locator('#finished time').getAttribute('title')).toMatch(/ UTC$/);
  expect(await page.textContent('#line-count')).toMatch(/^\d+$/);
  await page.reload();
  expect(await page.locator('#cancel-form').count()).toBe(0);
  expect(await colour()).toBe('rgb(218, 251, 225)');

  await page.goto(`${servers.ru.url}/runs/${failed.id}`);
  expect(await page.textContent('#reason')).toBe('код выхода 3');
  expect(await colour()).toBe('rgb(255, 235, 233)');
  expect(await page.textContent('#duration')).toMatch(/^\d\.\d с$/);
  await page.close();
}, 120_000);

describe('log download', () => {
  it('streams a 1,000,000-line run as plain text with bounded server memory', async () => {
    const run = await runner.store.createRun({ job: 'alternate', params: {}, startedBy: 'test' });
    await runner.store.claimRun(run.id, new Date());
    await runner.store.db.query(
      `INSERT INTO job_runner_lines (run_id, seq, stream, at, line)
       SELECT $1, g, CASE WHEN g % 10 = 0 THEN 'stderr' ELSE 'stdout' END, now(),
              'line ' || g || ' ' || repeat('x', 40)
       FROM generate_series(1, 1000000) g`,
      [run.id],
    );
    await runner.store.db.query('UPDATE job_runner_runs SET line_count = 1000000 WHERE id = $1', [
      run.id,
    ]);
    await runner.store.finishRun(
      run.id,
      { status: 'succeeded', exitCode: 0, reason: null },
      new Date(),
    );

    const page = await browser.newPage();
    await page.goto(`${servers.en.url}/runs/${run.id}`);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.click('#download-log'),
      ]);
      expect(download.suggestedFilename()).toBe(`run-${run.id}-alternate.log`);
      const path = await download.path();
      let count = 0;
      let first = '';
      let lastLine = '';
      for await (const line of createInterface({ input: createReadStream(path) })) {
        if (count === 0) first = line;
        lastLine = line;
        count++;
      }
      expect(count).toBe(1_000_000);
      expect(first).toBe(`line 1 ${'x'.repeat(40)}`);
      expect(lastLine).toBe(`! line 1000000 ${'x'.repeat(40)}`);
    } finally {
      clearInterval(sampler);
    }
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(
      `log download of 1,000,000 lines: test-process RSS growth ${growthMb.toFixed(1)} MB`,
    );
    expect(growthMb).toBeLessThanOrEqual(50);
    await page.close();
  }, 300_000);
});

it('renders every page in English and Russian with no {{ left and no horizontal overflow', async () => {
  const page = await browser.newPage();
  for (const lang of ['en', 'ru'] as const) {
    const pages: Record<string, string> = {
      jobs: `${servers[lang].url}/`,
      form: `${servers[lang].url}/jobs/slow-lines`,
      'cli-form': `${servers[lang].url}/jobs/${encodeURIComponent('tech-tracker sync')}`,
      history: `${servers[lang].url}/runs`,
      schedules: `${servers[lang].url}/schedules`,
      run: `${servers[lang].url}/runs/${failed.id}`,
      'not-found': `${servers[lang].url}/runs/99999999`,
      login: `${guarded[lang].url}/login`,
    };
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        const html = await page.content();
        expect(html, `${lang} ${name}`).not.toContain('{{');
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const { scroll, client } = await noHorizontalOverflow(page);
        expect(scroll, `${lang} ${name} at ${width}px`).toBeLessThanOrEqual(client);
        await page.screenshot({
          path: join(shots, `${lang}-${name}-${width}.png`),
          fullPage: true,
        });
      }
    }
    // A Russian page says nothing in English besides names and data.
    if (lang === 'ru') {
      await page.goto(pages.run!);
      const text = await page.locator('main').innerText();
      expect(text).toContain('Причина');
      expect(text).toContain('код выхода 3');
      expect(text).not.toMatch(/exit code|Lines|Duration|Download/);
    }
  }
  await page.close();
}, 180_000);
