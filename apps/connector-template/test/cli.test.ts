import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { MASTER_HASH, csvToPostgresJob } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const dir = makeTempDir('connector-cli');
let env: Record<string, string>;

/** Runs the built CLI in the temp folder (testkit's clean environment, plus the test's). */
function cli(args: string[], extraEnv: Record<string, string | undefined> = {}) {
  return runCliAsync(bin, [...args, '--log-dir', `${dir.path}/logs`], {
    cwd: dir.path,
    env: { ...env, ...extraEnv },
  });
}

beforeAll(async () => {
  env = { DATABASE_URL: await testDatabaseUrl(), MASTER_HASH, OBJECTS_DIR: `${dir.path}/objects` };
  writeFileSync(`${dir.path}/people.csv`, 'id,name,amount\n1,Ann,10.50\n2,"Bob, Jr.",7\n');
  writeFileSync(`${dir.path}/empty.csv`, 'id,name,amount\n');
  writeFileSync(
    `${dir.path}/job.json`,
    JSON.stringify(csvToPostgresJob('people.csv', 'cli_people', 'replace')),
  );
  writeFileSync(
    `${dir.path}/empty-job.json`,
    JSON.stringify(csvToPostgresJob('empty.csv', 'cli_empty', 'append')),
  );
  writeFileSync(
    `${dir.path}/missing-job.json`,
    JSON.stringify(csvToPostgresJob('nope.csv', 'cli_missing', 'append')),
  );
}, 60_000);
afterAll(() => dir.cleanup());

describe('connector-template CLI', () => {
  it('adds jobs, runs one and reports it as JSON', async () => {
    const added = await cli(['jobs', 'add', '--file', 'job.json', '--json']);
    expect(added.status).toBe(0);
    const { id } = JSON.parse(added.stdout) as { id: number };
    const list = await cli(['jobs', 'list']);
    expect(list.stdout).toMatch(
      new RegExp(
        // CSV paths are stored relative to the job file, made absolute.
        `${id}\\s+CSV to cli_people\\s+csv: ${dir.path}/people.csv\\s+postgres: cli_people\\s+replace`,
      ),
    );
    expect(list.stdout).not.toContain('encrypted');

    const run = await cli(['run', '--job', String(id), '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      exitCode: number;
      stages: { message: string; status: string }[];
    };
    expect(result.stages.map((s) => s.message)).toEqual([
      'Successfully ran CSV file connector.\nColumns affected: 3\nRows affected: 2\n',
      'Successfully ran PostgreSQL connector.\nColumns affected: 4\nRows affected: 2\n',
    ]);
    expect(run.stderr).toContain(
      'Successfully ran PostgreSQL connector.\nColumns affected: 4\nRows affected: 2\n',
    );

    const history = await cli(['history', '--job', String(id), '--json']);
    expect(
      (JSON.parse(history.stdout) as { history: { status: string; rowCount: number }[] })
        .history[0],
    ).toMatchObject({ status: 'Finished', rowCount: 2 });
  }, 120_000);

  it('stamps history and log rows "as of" TOOLBELT_NOW', async () => {
    const asOf = { TOOLBELT_NOW: '2023-01-05T14:07:00-08:00' };
    const added = await cli(['jobs', 'add', '--file', 'job.json', '--json'], asOf);
    const { id } = JSON.parse(added.stdout) as { id: number };
    const run = await cli(['run', '--job', String(id), '--json'], asOf);
    expect(run.status, run.stderr).toBe(0);
    const historyId = (JSON.parse(run.stdout) as { stages: { historyId: number }[] }).stages[0]
      ?.historyId;
    const shown = await cli(['history', '--history', String(historyId), '--json']);
    const { history, logs } = JSON.parse(shown.stdout) as {
      history: { startedAt: string; finishedAt: string }[];
      logs: { loggedAt: string }[];
    };
    // The clock runs on from the instant (a run takes seconds): the same hour, in UTC.
    const sameHour = /^2023-01-05T22:\d{2}:\d{2}\.\d{3}Z$/;
    expect(history[0]?.startedAt).toMatch(sameHour);
    expect(history[0]?.finishedAt).toMatch(sameHour);
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(log.loggedAt).toMatch(sameHour);
  }, 120_000);

  it('stops before run() when MASTER_HASH is missing, with the exact message and exit 78', async () => {
    const run = await cli(['run', '--job', '1'], { MASTER_HASH: undefined });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain(
      "Unable to start job. Environment variable was not provided: 'MASTER_HASH'",
    );
  }, 60_000);

  it('takes the job from JOB_ID and says when it does not exist', async () => {
    const run = await cli(['run'], { JOB_ID: '424242' });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('Job ID not found: 424242');
  }, 60_000);

  it('exits 0 with the no-rows message for an empty source', async () => {
    const added = JSON.parse(
      (await cli(['jobs', 'add', '--file', 'empty-job.json', '--json'])).stdout,
    ) as { id: number };
    const run = await cli(['run', '--job', String(added.id)]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('No rows were returned from source. Finished job.');
  }, 60_000);

  it('fails the job with a non-zero exit when the source file is missing', async () => {
    const added = JSON.parse(
      (await cli(['jobs', 'add', '--file', 'missing-job.json', '--json'])).stdout,
    ) as { id: number };
    const run = await cli(['run', '--job', String(added.id)]);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(`CSV file not found: ${dir.path}/nope.csv`);
    const history = JSON.parse(
      (await cli(['history', '--job', String(added.id), '--json'])).stdout,
    ) as { history: { status: string }[] };
    expect(history.history[0]?.status).toBe('Failed');
    const check = await cli(['check', '--job', String(added.id), '--json']);
    expect(check.status).toBe(78);
    const checks = (
      JSON.parse(check.stdout) as { checks: { stage: string; name: string; ok: boolean }[] }
    ).checks;
    expect(checks.find((c) => c.stage === 'source' && c.name === 'reachable')?.ok).toBe(false);
    expect(checks.find((c) => c.stage === 'destination' && c.name === 'reachable')?.ok).toBe(true);
  }, 120_000);

  it('rejects a destination stage without a history as a usage error', async () => {
    const run = await cli(['run', '--job', '1', '--stage', 'destination']);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('--stage destination needs --history');
  }, 60_000);
});
