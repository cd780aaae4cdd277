#!/usr/bin/env node
// connector: CSV -> PostgreSQL throughput of the connector-template job runner for 1M rows
// (CSV source -> JSON batches in the local object folder -> PostgreSQL destination with COPY),
// against a PostgreSQL cluster started by the testkit, next to a bare COPY of the same rows
// (the ceiling). Needs the built dist of connector-template, connector, db, log and testkit.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(join(root, path));
const { startPostgres } = await load('packages/testkit/dist/postgres.js');
const { writeCsvFixture, generateCsvRows, csvFixtureColumns } = await load(
  'packages/testkit/dist/csv-fixtures.js',
);
const { toNewJob } = await load('packages/connector/dist/index.js');
const { openDatabase } = await load('packages/db/dist/index.js');
const { createLogger } = await load('packages/log/dist/index.js');
const { buildDeps } = await load('apps/connector-template/dist/build-deps.js');
const { readRunSettings, readSettings, settingsOrThrow } = await load(
  'apps/connector-template/dist/settings.js',
);
const { runJob } = await load('apps/connector-template/dist/run-job.js');

const ROWS = Number(process.env.CONNECTOR_BENCH_ROWS ?? 1_000_000);
const MASTER_HASH = 'bench-master-hash';
const work = mkdtempSync(join(tmpdir(), 'connector-bench-'));
const cluster = await startPostgres({ databaseUrl: null });
try {
  const url = await cluster.createDatabase('connector_bench');
  const csv = join(work, 'rows.csv');
  await writeCsvFixture(csv, ROWS);
  const csvMb = statSync(csv).size / 1024 / 1024;

  const env = { MASTER_HASH, DATABASE_URL: url, OBJECTS_DIR: join(work, 'objects') };
  const logger = createLogger({ name: 'bench', consoleLevel: 'silent' });
  const settingsOf = (job) =>
    settingsOrThrow(readRunSettings({ job, 'dry-run': false }, env, work));
  const deps = await buildDeps(settingsOrThrow(readSettings({}, env, work)), {
    lang: 'en',
    logger,
    now: () => new Date(),
  });
  const jobs = await deps.jobs();
  const jobId = await jobs.addJob(
    toNewJob(
      {
        name: 'bench',
        source: { connector: 'csv', object: csv },
        destination: { connector: 'postgres', object: 'rows' },
        mapping: csvFixtureColumns.map((c) => ({ column: c, mapped: c })),
        updateMethod: 'replace',
      },
      MASTER_HASH,
    ),
  );
  const started = performance.now();
  const result = await runJob(deps, settingsOf(jobId));
  const seconds = (performance.now() - started) / 1000;
  const [source, destination] = result.stages;
  if (result.exitCode !== 0 || destination?.rowsAffected !== ROWS)
    throw new Error(`run failed: ${JSON.stringify(result)}`);
  await deps.close();

  // The ceiling: the same rows straight into COPY, no CSV file, no batches.
  const db = await openDatabase({ url });
  await db.query(`CREATE TABLE raw (${csvFixtureColumns.map((c) => `"${c}" text`).join(', ')})`);
  const rawStarted = performance.now();
  const copied = await db.copyFrom(
    'raw',
    csvFixtureColumns,
    (function* () {
      for (const r of generateCsvRows(ROWS)) yield csvFixtureColumns.map((c) => r[c]);
    })(),
  );
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  await db.close();
  if (copied !== ROWS) throw new Error(`raw COPY loaded ${copied}`);

  const rate = ROWS / seconds;
  const rawRate = ROWS / rawSeconds;
  process.stderr.write(
    `connector run: ${seconds.toFixed(1)} s (${source?.batches} batches), ${Math.round(rate)} rows/s; raw COPY ${Math.round(rawRate)} rows/s; CSV ${csvMb.toFixed(0)} MB\n`,
  );
  console.log(
    JSON.stringify({
      benchmark: 'connector',
      results: [
        {
          name: `CSV -> PostgreSQL job, ${ROWS / 1e6}M rows (source + destination, ${source?.batches} batches of <= 5 MiB)`,
          value: Math.round(rate),
          unit: 'rows/s',
          baseline: 'bare COPY of the same rows (no CSV parse, no batches)',
          baselineValue: Math.round(rawRate),
          ratio: Number((rate / rawRate).toFixed(2)),
          note: `${csvMb.toFixed(0)} MB CSV; PostgreSQL 15 cluster from the testkit`,
        },
      ],
    }),
  );
} finally {
  await cluster.stop();
  rmSync(work, { recursive: true, force: true });
}
