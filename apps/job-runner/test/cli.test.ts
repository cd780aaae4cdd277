import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFixtureJobs } from './job-fixtures.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const examples = fileURLToPath(new URL('../../../examples/jobs', import.meta.url));
let dir: TempDir;

async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCliAsync(bin, [...args, '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env: { JOB_RUNNER_TOOLBELT: '0', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = makeTempDir('job-runner-cli');
  writeFixtureJobs(dir.path);
});
afterAll(() => dir?.cleanup());

it('lists, runs, searches and re-runs the demo job on the embedded database', async () => {
  const list = await cli(['list', '--jobs-dir', examples]);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/hello-world\s+Greets someone/);
  expect(list.stdout).toMatch(
    /update-parent-buildings\s+Update parent buildings to child buildings/,
  );

  const run = await cli([
    'run',
    'hello-world',
    '--jobs-dir',
    examples,
    '--set',
    'name=Ann',
    '--set',
    'delay=0',
  ]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('1/3 Hello, Ann.\n2/3 Hello, Ann.\n3/3 Hello, Ann.\ndone\n');
  expect(run.stderr).toContain('(note 2 on stderr)');
  expect(run.stderr).toContain('Run 1 succeeded with exit code 0.');

  const runs = await cli(['runs', '--search', 'Ann', '--json', '--jobs-dir', examples]);
  expect(
    (JSON.parse(runs.stdout) as { runs: { id: number; params: unknown }[] }).runs.map((r) => [
      r.id,
      r.params,
    ]),
  ).toEqual([[1, { name: 'Ann', times: 3, style: 'plain', delay: 0 }]]);

  const rerun = await cli(['rerun', '1', '--jobs-dir', examples, '--json']);
  expect(rerun.code).toBe(0);
  expect(JSON.parse(rerun.stdout)).toMatchObject({
    id: 2,
    job: 'hello-world',
    status: 'succeeded',
    exitCode: 0,
  });

  const logs = await cli(['logs', '2', '--jobs-dir', examples]);
  expect(logs.stdout).toContain('3/3 Hello, Ann.');
}, 180_000);

it('is a usage error to leave out a required field without a terminal', async () => {
  const result = await cli(['run', 'report', '--jobs-dir', dir.path]);
  expect(result.code).toBe(64);
  expect(result.stderr).toContain('--set month=...');
}, 60_000);

it('exits 1 when the job fails, and doctor names incomplete jobs', async () => {
  const failed = await cli([
    'run',
    'fail',
    '--jobs-dir',
    dir.path,
    '--data-dir',
    join(dir.path, 'db2'),
  ]);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain('something broke');
  const doctor = await cli(['doctor', '--jobs-dir', dir.path]);
  expect(doctor.code).toBe(65);
  expect(doctor.stdout).toContain('incomplete.mjs: description: missing');
  expect(doctor.stdout).toContain(
    'orphan.job.json: orphan: no executable file next to the sidecar',
  );
}, 120_000);

it('prints Russian help', async () => {
  const help = await cli(['run', '--help', '--lang', 'ru']);
  expect(help.stdout).toContain('Выполнить задание и показывать его журнал.');
  expect(help.stdout).toContain('Параметр имя=значение');
}, 60_000);
