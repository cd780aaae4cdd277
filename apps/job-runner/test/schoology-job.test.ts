import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  startSchoologyStandIn,
  type SchoologyStandIn,
  type SchoologyUser,
} from '@toolbelt/testkit/schoology';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForExit } from '../dist/adapters/launcher.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';

const examples = fileURLToPath(new URL('../../../examples/jobs', import.meta.url));
let api: SchoologyStandIn;
let runner: Runner;
let dir: TempDir;

/** 300 students in buildings 1-4, 120 parents of 1-2 children each, and staff. */
function population(): SchoologyUser[] {
  const users: SchoologyUser[] = [];
  for (let i = 1; i <= 300; i++)
    users.push({
      id: i,
      school_uid: `s${i}`,
      name_first: 'Stu',
      name_last: `${i}`,
      building_id: (i % 4) + 1,
      ...(i % 10 === 0 ? { additional_buildings: '9' } : {}),
    });
  for (let p = 1; p <= 120; p++) {
    const kids = p % 3 === 0 ? [`s${p}`, `s${p + 150}`] : [`s${p}`];
    users.push({
      id: 1000 + p,
      school_uid: `p${p}`,
      name_first: 'Par',
      name_last: `${p}`,
      building_id: 1,
      child_uids: kids.join(','),
    });
  }
  for (let s = 1; s <= 30; s++)
    users.push({
      id: 5000 + s,
      school_uid: `t${s}`,
      name_first: 'Staff',
      name_last: `${s}`,
      building_id: 2,
    });
  return users;
}

beforeAll(async () => {
  dir = makeTempDir('job-runner-schoology');
  api = await startSchoologyStandIn({
    users: population(),
    consumerKey: 'ck-test',
    consumerSecret: 'cs-test-secret',
  });
  runner = await openRunner({
    databaseUrl: await testDatabaseUrl(),
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [examples],
    toolbelt: false,
    env: {
      ...process.env,
      SCHOOLOGY_BASE_URL: api.url,
      SCHOOLOGY_CONSUMER_KEY: 'ck-test',
      SCHOOLOGY_CONSUMER_SECRET: 'cs-test-secret',
    },
  });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await api?.stop();
  await dir?.cleanup();
});

async function runJob(input: Record<string, string>) {
  const started = await startRun(runner, {
    job: 'update-parent-buildings',
    input,
    startedBy: 'test',
    launch: 'spawn',
  });
  await waitForExit(started.executioner!);
  const run = (await runner.store.getRun(started.run.id))!;
  const lines = (await runner.store.readLines(run.id, 0, 1000)).map((l) => l.line);
  return { run, lines };
}

it("sets each parent's buildings from their children, in bulk PUTs of at most 50, and changes nothing the second time", async () => {
  const first = await runJob({ behavior: 'add', allowed_buildings: '2,3,4' });
  expect(first.run.status).toBe('succeeded');
  // Parent 1 has child s1 (building 2); parent 3 has s3 (4) and s153 (2).
  expect(api.users.get(1001)).toMatchObject({ building_id: 1, additional_buildings: '2' });
  expect(api.users.get(1003)).toMatchObject({ building_id: 1, additional_buildings: '2,4' });
  // Parent 10: child s10 is in building 3 plus 9, and 9 is not allowed.
  expect(api.users.get(1010)).toMatchObject({ building_id: 1, additional_buildings: '3' });
  // Parent 4: child s4 is in building 1, which the parent already has: no change.
  expect(api.users.get(1004)?.additional_buildings).toBeUndefined();
  const puts = api.requests.filter((r) => r.method === 'PUT');
  expect(puts.length).toBeGreaterThanOrEqual(2);
  expect(puts.every((r) => r.status === 200 && (r.bulkSize ?? 0) <= 50)).toBe(true);
  const gets = api.requests.filter((r) => r.method === 'GET' && !r.query.school_uids);
  expect(gets.length).toBe(3); // 450 users in pages of 200
  const changed = [...api.users.values()].filter(
    (u) => u.id > 1000 && u.id < 5000 && u.additional_buildings !== undefined,
  ).length;
  expect(changed).toBeGreaterThan(50);
  expect(first.lines).toContain(
    `read 450 users, 120 parents, ${120 - changed} unchanged, ${changed} updated, 0 failed, ${api.requests.length} API calls`,
  );

  const putsBefore = puts.length;
  const second = await runJob({ behavior: 'add', allowed_buildings: '2,3,4' });
  expect(second.run.status).toBe('succeeded');
  expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(putsBefore);
  expect(second.lines.some((l) => / 0 updated, 0 failed/.test(l))).toBe(true);
}, 120_000);

it('fails with a clear message when the API refuses the credentials', async () => {
  const started = await startRun(runner, {
    job: 'update-parent-buildings',
    input: { behavior: 'replace' },
    startedBy: 'test',
    launch: 'spawn',
  });
  const wrong = await openRunner({
    databaseUrl: (await runner.target()).databaseUrl,
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [examples],
    toolbelt: false,
    env: {
      ...process.env,
      SCHOOLOGY_BASE_URL: api.url,
      SCHOOLOGY_CONSUMER_KEY: 'ck-test',
      SCHOOLOGY_CONSUMER_SECRET: 'wrong',
    },
  });
  try {
    await waitForExit(started.executioner!);
    const other = await startRun(wrong, {
      job: 'update-parent-buildings',
      input: { behavior: 'replace' },
      startedBy: 'test',
      launch: 'spawn',
    });
    await waitForExit(other.executioner!);
    const run = (await wrong.store.getRun(other.run.id))!;
    expect(run.status).toBe('failed');
    const lines = (await wrong.store.readLines(run.id, 0, 100)).map((l) => l.line);
    expect(lines.some((l) => /answered 401/.test(l))).toBe(true);
  } finally {
    await wrong.close();
  }
}, 120_000);
