// Benchmark of the job runner's executioner and log page on PostgreSQL:
// lines per second stored from a job printing 1,000,000 lines (and that none is lost), and
// time to first byte of that run's log page. Baseline: the same job's lines merely read and
// counted by a parent process (no storage).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { startPostgres } = await import(join(root, 'packages/testkit/dist/postgres.js'));
const { openRunner } = await import(join(root, 'apps/job-runner/dist/build-deps.js'));
const { startRun } = await import(join(root, 'apps/job-runner/dist/run-jobs.js'));
const { waitForExit } = await import(join(root, 'apps/job-runner/dist/adapters/launcher.js'));
const { startWebServer } = await import(join(root, 'apps/job-runner/dist/web/server.js'));
const { messages } = await import(join(root, 'apps/job-runner/dist/i18n/index.js'));

const LINES = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'job-runner-bench-'));
writeFileSync(
  join(dir, 'million.mjs'),
  `export const metadata = { name: 'million', description: 'Prints numbered lines.', fields: [{ name: 'lines', type: 'integer', default: ${LINES} }] };
export async function run(params) {
  const batch = [];
  for (let i = 1; i <= params.lines; i++) {
    batch.push('line ' + i + ' of the benchmark job, with some text to make it look like a log');
    if (batch.length === 1000) { process.stdout.write(batch.join('\\n') + '\\n'); batch.length = 0; }
  }
  if (batch.length) process.stdout.write(batch.join('\\n') + '\\n');
}
`,
);

/** Baseline: run the same job through the capture preload and only count lines. */
async function rawLinesPerSecond() {
  const dist = join(root, 'apps/job-runner/dist');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      new URL(`file://${dist}/processes/capture-preload.js`).href,
      join(dist, 'processes/job-host.js'),
      join(dir, 'million.mjs'),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  child.stdin.end(JSON.stringify({ params: { lines: LINES } }));
  let count = 0;
  child.stdout.on('data', (chunk) => {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) count++;
  });
  await new Promise((resolve) => child.on('close', resolve));
  return { perSecond: count / ((performance.now() - started) / 1000), count };
}

function timeToFirstByte(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(url, (res) => {
      res.once('data', () => {
        const ms = performance.now() - started;
        res.resume();
        res.on('end', () => resolve({ ms, status: res.statusCode }));
      });
    }).on('error', reject);
  });
}

/** Follow a run's event stream to its end; resolves with the time the end arrived. */
function followEvents(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let tail = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        tail = (tail + chunk).slice(-64);
        if (tail.includes('event: end')) {
          resolve(performance.now());
          res.destroy();
        }
      });
      res.on('end', () => resolve(performance.now()));
    }).on('error', reject);
  });
}

const cluster = await startPostgres({ databaseUrl: null });
let runner;
let web;
try {
  const url = await cluster.createDatabase();
  runner = await openRunner({
    databaseUrl: url,
    dataDir: join(dir, 'unused'),
    jobsDirs: [dir],
    toolbelt: false,
  });
  const baseline = await rawLinesPerSecond();

  const started = performance.now();
  const run = await startRun(runner, {
    job: 'million',
    input: {},
    startedBy: 'bench',
    launch: 'spawn',
    stderr: 'inherit',
  });
  await waitForExit(run.executioner);
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await runner.db.query(
    `SELECT count(*)::int AS n, min(seq) AS lo, max(seq) AS hi,
            count(DISTINCT line)::int AS distinct_lines
     FROM job_runner_lines WHERE run_id = $1 AND stream = 'stdout'`,
    [run.run.id],
  );
  const stored = rows[0];
  const record = await runner.store.getRun(run.run.id);
  const lost = LINES - stored.n;
  if (record.status !== 'succeeded' || lost !== 0 || stored.distinct_lines !== LINES) {
    throw new Error(
      `lines lost or run failed: ${JSON.stringify({ status: record.status, stored, lost })}`,
    );
  }

  web = await startWebServer(
    {
      store: runner.store,
      jobs: () => runner.library.jobs,
      t: messages.translator('en'),
      lang: 'en',
      startRun: async () => 0,
    },
    { port: 0 },
  );
  const samples = [];
  for (let i = 0; i < 7; i++)
    samples.push((await timeToFirstByte(`${web.url}/runs/${run.run.id}`)).ms);
  samples.sort((a, b) => a - b);
  const ttfb = samples[Math.floor(samples.length / 2)];

  // The same run again with 20 live followers of its log page's event stream from the start
  // (issue 12: they made a run take 226 s instead of 21 s): their reads are shared.
  const FOLLOWERS = 20;
  const followedStart = performance.now();
  const followed = await startRun(runner, {
    job: 'million',
    input: {},
    startedBy: 'bench',
    launch: 'spawn',
    stderr: 'inherit',
  });
  const followers = Array.from({ length: FOLLOWERS }, () =>
    followEvents(`${web.url}/runs/${followed.run.id}/events`),
  );
  await waitForExit(followed.executioner);
  const followedSeconds = (performance.now() - followedStart) / 1000;
  const followerSeconds = await Promise.all(followers);
  const lastFollower = Math.max(...followerSeconds.map((end) => (end - followedStart) / 1000));

  const perSecond = LINES / seconds;
  console.log(
    JSON.stringify({
      benchmark: 'job-runner',
      results: [
        {
          name: 'captured lines per second (1,000,000-line job, PostgreSQL)',
          value: Math.round(perSecond),
          unit: 'lines/s',
          baseline: 'same job read and counted without storing',
          baselineValue: Math.round(baseline.perSecond),
          ratio: Number((perSecond / baseline.perSecond).toFixed(3)),
          note: `${stored.n} of ${LINES} stdout lines stored (0 lost), ${record.lineCount} lines with system lines, ${seconds.toFixed(1)} s`,
        },
        { name: 'lines lost', value: lost, unit: 'lines' },
        {
          name: `1,000,000-line run with ${FOLLOWERS} live log followers (SSE)`,
          value: Number(followedSeconds.toFixed(1)),
          unit: 's',
          baseline: 'the same run without followers',
          baselineValue: Number(seconds.toFixed(1)),
          ratio: Number((followedSeconds / seconds).toFixed(2)),
          note: `the last follower had every line ${lastFollower.toFixed(1)} s after the start`,
        },
        {
          name: 'log page time to first byte (1,000,000-line run)',
          value: Number(ttfb.toFixed(1)),
          unit: 'ms',
          note: `median of ${samples.length}; page shows the last 500 lines`,
        },
      ],
    }),
  );
} finally {
  await web?.close();
  await runner?.close();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
