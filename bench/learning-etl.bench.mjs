#!/usr/bin/env node
// learning-etl: load throughput of a generated day (1,000,000 records, the original's quirks)
// into a real PostgreSQL (testkit's ephemeral cluster), end to end from the API's JSON: the
// CLI process fetches the response over HTTP, parses it as a stream, validates every record
// and COPYs it in one transaction. Compared to `psql \copy` of the same accepted rows as CSV,
// and to a row-by-row INSERT loop (the original's method, measured on a sample and
// extrapolated). Peak RSS of the CLI at 100k vs 1M records shows whether memory stays flat.
// Needs the built dist of @toolbelt/testkit, @toolbelt/db and @toolbelt/learning-etl.
import { spawn, execFileSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const at = (path) => new URL(path, root).href;
const { startPostgres } = await import(at('packages/testkit/dist/postgres.js'));
const { generateDay } = await import(at('packages/testkit/dist/learning-api.js'));
const { checkRecord, ACTIVITY_COLUMNS } = await import(
  at('apps/learning-etl/dist/core/activity.js')
);
const { toCsvField } = await import(at('packages/db/dist/index.js'));
const pg = createRequire(fileURLToPath(new URL('apps/learning-etl/package.json', root)))('pg');

const BIG = Number(process.env.LEARNING_ETL_BENCH_RECORDS ?? 1_000_000);
const SMALL = Math.round(BIG / 10);
const INSERT_SAMPLE = Number(process.env.LEARNING_ETL_BENCH_INSERT_SAMPLE ?? 30_000);
// Extra node options for the CLI process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile.
const CLI_NODE_ARGS = (process.env.LEARNING_ETL_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const bin = fileURLToPath(new URL('apps/learning-etl/bin/run.js', root));
const work = mkdtempSync(join(tmpdir(), 'learning-etl-bench-'));
const log = (...args) => console.error('[learning-etl bench]', ...args);

/** Write the API's JSON response for a generated day (and the CSV of its accepted rows). */
async function writeDay(day, count) {
  const jsonFile = join(work, `${day}.json`);
  const csvFile = join(work, `${day}.csv`);
  const json = createWriteStream(jsonFile);
  const csv = createWriteStream(csvFile);
  let accepted = 0;
  let first = true;
  const put = async (stream, text) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await put(json, '[');
  for (const record of generateDay({ day, count, seed: 1, quirkRate: 0.1 })) {
    await put(json, (first ? '' : ', ') + JSON.stringify(record));
    first = false;
    const check = checkRecord(record);
    if (check.accepted) {
      accepted++;
      await put(csv, check.row.map(toCsvField).join(',') + '\n');
    }
  }
  json.end(']');
  csv.end();
  await Promise.all([once(json, 'finish'), once(csv, 'finish')]);
  return { jsonFile, csvFile, accepted, bytes: statSync(jsonFile).size };
}

/** A plain HTTP server answering every request with one file (the saved API response). */
async function serveFile(file) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/api/statistics`,
    stop: () => new Promise((r) => server.close(r)),
  };
}

/** Peak resident memory of a process (VmHWM), sampled until it exits. */
function vmHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Run the CLI on one day against `apiUrl`; wall time and peak RSS. */
async function runCli(day, apiUrl, databaseUrl) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ITRESUME_API_URL: apiUrl,
    ITRESUME_CLIENT: 'bench',
    ITRESUME_CLIENT_KEY: 'bench-key',
  };
  delete env.NODE_EXTRA_CA_CERTS;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...CLI_NODE_ARGS,
      bin,
      'run',
      '--json',
      '--quiet',
      '--no-report',
      '--no-email',
      '--date',
      day,
      '--log-dir',
      join(work, 'logs'),
    ],
    {
      env,
      cwd: work,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, vmHwmKb(child.pid))), 20);
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`learning-etl exited ${code}: ${out}`);
  const result = JSON.parse(out).days[0];
  return { seconds, peakMb: peak / 1024, loaded: result.loaded };
}

const cluster = await startPostgres({ databaseUrl: null });
const results = [];
try {
  const databaseUrl = await cluster.createDatabase('learning_bench');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();

  log(`generating ${SMALL} and ${BIG} records`);
  const small = await writeDay('2023-05-30', SMALL);
  const big = await writeDay('2023-05-31', BIG);
  log(
    `1M-record response: ${(big.bytes / 1024 / 1024).toFixed(0)} MB, ${big.accepted} accepted rows`,
  );

  // End to end, from the API's JSON over HTTP.
  const smallServer = await serveFile(small.jsonFile);
  const bigServer = await serveFile(big.jsonFile);
  const e2eSmall = await runCli('2023-05-30', smallServer.url, databaseUrl);
  await client.query('TRUNCATE lms_activities');
  const e2e = await runCli('2023-05-31', bigServer.url, databaseUrl);
  await Promise.all([smallServer.stop(), bigServer.stop()]);
  if (e2e.loaded !== big.accepted)
    throw new Error(`loaded ${e2e.loaded}, expected ${big.accepted}`);
  const e2eRate = big.accepted / e2e.seconds;
  log(
    `end to end: ${e2e.seconds.toFixed(1)} s, peak RSS ${e2e.peakMb.toFixed(0)} MB (100k: ${e2eSmall.peakMb.toFixed(0)} MB)`,
  );

  // psql \copy of the same rows as CSV.
  await client.query('TRUNCATE lms_activities');
  const cols = ACTIVITY_COLUMNS.join(', ');
  const copyStarted = performance.now();
  execFileSync(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      databaseUrl,
      '-c',
      `\\copy lms_activities (${cols}) FROM '${big.csvFile}' WITH (FORMAT csv)`,
    ],
    { stdio: 'inherit' },
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const copied = Number((await client.query('SELECT count(*) AS n FROM lms_activities')).rows[0].n);
  if (copied !== big.accepted) throw new Error(`\\copy loaded ${copied}`);
  const copyRate = big.accepted / copySeconds;
  log(`psql \\copy: ${copySeconds.toFixed(1)} s`);

  // Row-by-row INSERT (one statement and one commit per row, like the original), on a sample.
  await client.query('TRUNCATE lms_activities');
  const sample = [];
  for (const record of generateDay({
    day: '2023-05-29',
    count: INSERT_SAMPLE,
    seed: 1,
    quirkRate: 0.1,
  })) {
    const check = checkRecord(record);
    if (check.accepted) sample.push(check.row);
  }
  const insert = `INSERT INTO lms_activities (${cols}) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
  const insertStarted = performance.now();
  for (const row of sample) await client.query(insert, row);
  const insertRate = sample.length / ((performance.now() - insertStarted) / 1000);
  log(`INSERT loop: ${insertRate.toFixed(0)} rows/s on ${sample.length} rows`);
  await client.end();

  results.push(
    {
      name: 'load 1M records end to end (HTTP JSON -> validate -> COPY), rows/s',
      value: Math.round(e2eRate),
      unit: 'rows/s',
      baseline: 'psql \\copy of the same rows as CSV',
      baselineValue: Math.round(copyRate),
      ratio: Number((e2eRate / copyRate).toFixed(2)),
      note: `${big.accepted} accepted rows of ${BIG} records, ${(big.bytes / 1024 / 1024).toFixed(0)} MB of JSON; CLI process wall time ${e2e.seconds.toFixed(1)} s incl. start-up; goal >= 0.7x; cluster runs with fsync=off for all three methods`,
    },
    {
      name: 'load end to end vs row-by-row INSERT (the original), rows/s',
      value: Math.round(e2eRate),
      unit: 'rows/s',
      baseline: 'one INSERT + commit per row',
      baselineValue: Math.round(insertRate),
      ratio: Number((e2eRate / insertRate).toFixed(1)),
      note: `INSERT rate measured on ${sample.length} rows and extrapolated to 1M (${(big.accepted / insertRate).toFixed(0)} s)`,
    },
    {
      name: 'peak RSS of learning-etl, 1M records',
      value: Math.round(e2e.peakMb),
      unit: 'MB',
      baseline: `peak RSS at ${SMALL} records`,
      baselineValue: Math.round(e2eSmall.peakMb),
      ratio: Number((e2e.peakMb / e2eSmall.peakMb).toFixed(2)),
      note: 'goal: flat (ratio ~1): the response is streamed, never held',
    },
  );
} finally {
  await cluster.stop();
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify({ benchmark: 'learning-etl', results }));
