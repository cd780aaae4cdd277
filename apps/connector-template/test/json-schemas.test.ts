import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { MASTER_HASH } from './helpers.js';

// The --json result of every command is a contract: each is checked against its schema here
// (strict objects: a field added or renamed fails the test until the schema says so).
const bin = appBin(import.meta.url);
const dir = makeTempDir('connector-json');
let env: Record<string, string>;

async function json<S extends z.ZodType>(schema: S, args: string[]): Promise<z.output<S>> {
  const r = await runCliAsync(bin, [...args, '--json', '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env,
  });
  expect(r.status, r.stderr).toBe(0);
  return schema.parse(JSON.parse(r.stdout));
}

const iso = z.iso.datetime();
const id = z.number().int().positive();
const method = z.enum(['Append', 'Replace']);
const end = z.strictObject({
  connector: z.string(),
  object: z.string(),
  options: z.record(z.string(), z.unknown()),
  hasCredentials: z.boolean(),
});
const selection = z.enum(['Today', 'Yesterday', 'Custom']).nullable();
const outcome = z.strictObject({
  kind: z.enum(['source', 'destination']),
  connectorId: z.string(),
  jobId: id.nullable(),
  historyId: id.nullable(),
  status: z.enum(['NotStarted', 'Running', 'Finished', 'Failed']),
  exitCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  columnsAffected: z.number().int(),
  rowsAffected: z.number().int(),
  batches: z.number().int(),
  dryRun: z
    .strictObject({
      rows: z.number().int(),
      batches: z.number().int(),
      bytes: z.number().int(),
      sample: z.array(z.record(z.string(), z.unknown())),
    })
    .optional(),
});
const historyRow = z.strictObject({
  id,
  jobId: id,
  status: z.enum(['Running', 'Finished', 'Failed']),
  rowCount: z.number().int(),
  startedAt: iso,
  finishedAt: iso.nullable(),
});
const logRow = z.strictObject({
  jobId: id.nullable(),
  historyId: id.nullable(),
  connector: z.string(),
  type: z.enum(['Info', 'Error']),
  text: z.string(),
  external: z.boolean(),
  loggedAt: iso,
});

const schemas = {
  'jobs add': z.strictObject({ id, name: z.string(), updated: z.boolean() }),
  'jobs update': z.strictObject({ id, name: z.string() }),
  'jobs list': z.strictObject({
    jobs: z.array(
      z.strictObject({
        id,
        name: z.string(),
        source: z.string(),
        sourceObject: z.string(),
        destination: z.string(),
        destinationObject: z.string(),
        updateMethod: method,
      }),
    ),
  }),
  'jobs show': z.strictObject({
    id,
    name: z.string(),
    source: end,
    destination: end,
    mapping: z.array(z.strictObject({ column: z.string(), mapped: z.string() })),
    filterColumn: z.string().nullable(),
    startSelection: selection,
    startValue: z.string().nullable(),
    endSelection: selection,
    endValue: z.string().nullable(),
    timezoneOffset: z.number(),
    updateMethod: method,
  }),
  'jobs remove': z.strictObject({ id, name: z.string(), removed: z.literal(true) }),
  run: z.strictObject({ jobId: id, stages: z.array(outcome), exitCode: z.number().int() }),
  check: z.strictObject({
    ok: z.boolean(),
    checks: z.array(
      z.strictObject({
        name: z.enum(['registry', 'env', 'job', 'credentials', 'store', 'reachable']),
        ok: z.boolean(),
        message: z.string(),
        stage: z.enum(['source', 'destination']),
      }),
    ),
  }),
  history: z.strictObject({ history: z.array(historyRow), logs: z.array(logRow).optional() }),
  new: z.strictObject({
    name: z.string(),
    kind: z.enum(['source', 'destination']),
    dir: z.string(),
    registry: z.string(),
  }),
};

beforeAll(async () => {
  env = { DATABASE_URL: await testDatabaseUrl(), MASTER_HASH, OBJECTS_DIR: join(dir.path, 'obj') };
  writeFileSync(join(dir.path, 'people.csv'), 'id,name\n1,Ann\n2,Bob\n');
  const job = {
    name: 'People to CSV',
    source: { connector: 'csv', object: 'people.csv' },
    destination: { connector: 'csv', object: 'out.csv', credentials: { token: 'x' } },
    mapping: [
      { column: 'ID', mapped: 'id' },
      { column: 'NAME', mapped: 'name' },
    ],
  };
  writeFileSync(join(dir.path, 'job.json'), JSON.stringify(job));
}, 60_000);
afterAll(() => dir.cleanup());

describe('--json results match their schemas', () => {
  it('jobs add, list, show, update; run, history, check; new; jobs remove', async () => {
    const added = await json(schemas['jobs add'], ['jobs', 'add', '--file', 'job.json']);
    const job = String(added.id);
    expect((await json(schemas['jobs list'], ['jobs', 'list'])).jobs).toHaveLength(1);
    const shown = await json(schemas['jobs show'], ['jobs', 'show', job]);
    expect(shown.destination.hasCredentials).toBe(true);
    await json(schemas['jobs update'], ['jobs', 'update', job, '--file', 'job.json']);

    const run = await json(schemas.run, ['run', '--job', job]);
    expect(run.stages.map((s) => s.status)).toEqual(['Running', 'Finished']);
    const dry = await json(schemas.run, ['run', '--job', job, '--dry-run']);
    expect(dry.stages[0]?.dryRun?.rows).toBe(2);
    const history = await json(schemas.history, ['history', '--job', job]);
    expect(history.logs).toBeUndefined();
    const one = await json(schemas.history, [
      'history',
      '--history',
      String(run.stages[0]?.historyId),
    ]);
    expect(one.logs?.length).toBeGreaterThan(0);
    expect((await json(schemas.check, ['check', '--job', job])).ok).toBe(true);

    const made = await json(schemas.new, ['new', 'acme', '--kind', 'source', '--dir', 'pkgs']);
    expect(made.dir).toBe(join(dir.path, 'pkgs', 'acme'));
    await json(schemas['jobs remove'], ['jobs', 'remove', job, '--yes']);
  }, 180_000);
});
