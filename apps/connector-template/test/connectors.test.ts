import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNewJob, type JobDefinition } from '@toolbelt/connector';
import type { Database } from '@toolbelt/db';
import { generateCsvRows, writeCsvFixture } from '@toolbelt/testkit/csv-fixtures';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { startS3, type S3StandIn } from '@toolbelt/testkit/s3';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import type { Deps } from '../src/build-deps.js';
import { runJob } from '../src/run-job.js';
import { MASTER_HASH, captureLogger, csvToPostgresJob, depsOf, runSettingsOf } from './helpers.js';

const dir = makeTempDir('connectors');
const csv = `${dir.path}/people.csv`;
let pgUrl: string;
let s3: S3StandIn;
const opened: Deps[] = [];

beforeAll(async () => {
  await writeCsvFixture(csv, 1200);
  pgUrl = await testDatabaseUrl();
  s3 = await startS3({ bucket: 'app-batches' });
}, 120_000);
afterAll(async () => {
  for (const deps of opened) await deps.close();
  await s3?.stop();
  await dir.cleanup();
});

async function depsFor(env: Record<string, string>): Promise<Deps> {
  const deps = await depsOf(env, dir.path);
  opened.push(deps);
  return deps;
}

async function addJob(deps: Deps, definition: JobDefinition): Promise<number> {
  return (await deps.jobs()).addJob(toNewJob(definition, MASTER_HASH));
}

async function run(
  deps: Deps,
  env: Record<string, string>,
  jobId: number,
  extra: { stage?: 'source' | 'destination'; historyId?: number; dryRun?: boolean } = {},
) {
  const { logger, lines } = captureLogger();
  const result = await runJob({ ...deps, logger }, runSettingsOf(env, jobId, extra));
  return { result, lines };
}

const expectedRows = [...generateCsvRows(1200)].map((r) => ({
  id: r.id,
  name: r.name,
  amount: r.amount,
  empty: null,
}));

async function tableRows(db: Database, table: string) {
  return (await db.query(`SELECT id, name, amount, empty FROM ${table} ORDER BY id::int`)).rows;
}

for (const target of ['PostgreSQL', 'PGlite'] as const) {
  describe(`CSV -> ${target} destination`, () => {
    let env: Record<string, string>;
    let deps: Deps;
    beforeAll(async () => {
      env =
        target === 'PostgreSQL'
          ? { MASTER_HASH, DATABASE_URL: pgUrl, OBJECTS_DIR: `${dir.path}/objects-pg` }
          : { MASTER_HASH, PGLITE_DIR: 'memory://', OBJECTS_DIR: `${dir.path}/objects-lite` };
      deps = await depsFor(env);
    }, 60_000);

    it('Replace loads every row with COPY, and a second run leaves the same rows', async () => {
      const jobId = await addJob(deps, csvToPostgresJob(csv, 'people_replace', 'replace'));
      const first = await run(deps, env, jobId);
      expect(first.result.exitCode).toBe(0);
      expect(first.result.stages.map((s) => s.message)).toEqual([
        'Successfully ran CSV file connector.\nColumns affected: 3\nRows affected: 1200\n',
        'Successfully ran PostgreSQL connector.\nColumns affected: 4\nRows affected: 1200\n',
      ]);
      const second = await run(deps, env, jobId);
      expect(second.result.exitCode).toBe(0);
      expect(await tableRows(await deps.database(), 'people_replace')).toEqual(expectedRows);
      const history = await (await deps.jobs()).listHistory({ jobId });
      expect(history.map((h) => [h.status, h.rowCount])).toEqual([
        [2, 1200],
        [2, 1200],
      ]);
    });

    it('Append adds the rows again; stages can run apart', async () => {
      const jobId = await addJob(deps, csvToPostgresJob(csv, 'people_append', 'append'));
      await run(deps, env, jobId);
      const source = await run(deps, env, jobId, { stage: 'source' });
      expect(source.result.stages).toHaveLength(1);
      const historyId = source.result.stages[0]?.historyId as number;
      expect((await (await deps.jobs()).getHistory(historyId))?.status).toBe(1);
      const destination = await run(deps, env, jobId, { stage: 'destination', historyId });
      expect(destination.result.stages[0]?.rowsAffected).toBe(1200);
      const db = await deps.database();
      const count = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM people_append');
      expect(count.rows[0]?.n).toBe('2400');
    });
  });
}

describe('paged HTTP JSON source -> CSV destination, batches in S3', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const records = Array.from({ length: 45 }, (_, i) => ({
      id: i + 1,
      name: `n${i + 1}`,
      updated: `2024-05-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`,
      nested: { a: i },
    }));
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.headers.authorization !== 'Bearer api-token-xyz') {
        res.writeHead(401).end();
        return;
      }
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const next =
        start + limit < records.length
          ? `/api/items?start=${start + limit}&limit=${limit}`
          : undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: { items: records.slice(start, start + limit) },
          links: next ? { next } : {},
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('follows links.next, filters on the window, writes a CSV with the mapped columns', async () => {
    const env = { MASTER_HASH, PGLITE_DIR: 'memory://', ...s3.env };
    const deps = await depsFor(env);
    const out = `${dir.path}/out/items.csv`;
    const jobId = await addJob(deps, {
      name: 'API to CSV',
      source: {
        connector: 'http-json',
        object: `${base}/api/items`,
        options: { limit: 10, itemsPath: 'data.items' },
        credentials: { token: 'api-token-xyz' },
      },
      destination: { connector: 'csv', object: out },
      mapping: [
        { column: 'ID', mapped: 'id' },
        { column: 'Name', mapped: 'name' },
        { column: 'Nested', mapped: 'nested' },
      ],
      filter: {
        column: 'updated',
        start: { selection: 'Custom', value: '2024-05-01' },
        end: { selection: 'Custom', value: '2024-05-03' },
      },
      updateMethod: 'replace',
    });
    const { result, lines } = await run(deps, env, jobId);
    expect(result.exitCode).toBe(0);
    // Days 1 and 2 of each 28-day cycle: ids 1, 2, 29, 30.
    expect(readFileSync(out, 'utf8')).toBe(
      'ID,Name,Nested\n1,n1,"{""a"":0}"\n2,n2,"{""a"":1}"\n29,n29,"{""a"":28}"\n30,n30,"{""a"":29}"\n',
    );
    const historyId = result.stages[0]?.historyId as number;
    const store = deps.store();
    expect(store.location).toBe('s3://app-batches/');
    expect(await store.list(`etlJobHistory/e${historyId}-`)).toEqual([
      `etlJobHistory/e${historyId}-b0.json`,
    ]);
    expect(lines.join('\n')).not.toContain('api-token-xyz');
    const logs = await (await deps.jobs()).listLogs({ historyId });
    expect(logs.map((l) => l.text)).toContain('HTTP requests: 5');
  });
});
