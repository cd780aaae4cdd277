import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForExit } from '../dist/adapters/launcher.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';

let dir: TempDir;
let runner: Runner;
let marker: string;

beforeAll(async () => {
  dir = makeTempDir('job-runner-env');
  marker = join(dir.path, 'PWNED');
  const evil = join(dir.path, 'evil.cjs');
  // The runner's own processes may carry the operator's NODE_OPTIONS; the job must not.
  writeFileSync(
    evil,
    `if (process.argv.some((a) => a.endsWith('print-env.mjs'))) require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n`,
  );
  writeFileSync(
    join(dir.path, 'print-env.mjs'),
    `export const metadata = {
  name: 'print-env',
  description: 'Prints its whole environment.',
  env: ['SCHOOLOGY_CONSUMER_SECRET', 'SERVICE_URL'],
  fields: [{ name: 'password', secret: true, required: true }],
};
export async function run(params, ctx) {
  for (const [key, value] of Object.entries(process.env)) ctx.log(key + '=' + value);
  ctx.log('ctx.env has ' + Object.keys(ctx.env).length + ' variables');
  ctx.log('password=' + params.password);
}
`,
  );
  runner = await openRunner({
    databaseUrl: await testDatabaseUrl(),
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: true,
    // The runner's environment, as issue 11 item 4 found it: full of other systems' secrets.
    env: {
      ...process.env,
      SMTP_PASSWORD: 'smtp-pass-4711',
      DATABASE_URL: 'postgres://app:db-pass-4712@db.example/app',
      AWS_SECRET_ACCESS_KEY: 'aws-secret-4713',
      JOB_RUNNER_TOKEN: 'runner-token-4714',
      JOB_RUNNER_SECRET_KEY: 'sealing-key-4715',
      NODE_OPTIONS: `--require ${evil}`,
      SCHOOLOGY_CONSUMER_SECRET: 'schoology-secret-4716',
      SERVICE_URL: 'https://svc:svc-pass-4717@svc.example/api',
      TZ: 'Europe/Moscow',
    },
  });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await dir?.cleanup();
});

it("a job that prints its environment stores none of the runner's secrets", async () => {
  const started = await startRun(runner, {
    job: 'print-env',
    input: { password: 'param-pass-4718' },
    startedBy: 'test',
    launch: 'spawn',
    stderr: 'inherit',
  });
  await waitForExit(started.executioner!);
  const run = (await runner.store.getRun(started.run.id))!;
  expect(run.status).toBe('succeeded');
  const lines = (await runner.store.readLines(run.id, 0, 1000)).map((l) => l.line);
  const log = lines.join('\n');
  for (const leaked of [
    'SMTP_PASSWORD',
    'smtp-pass-4711',
    'db-pass-4712',
    'aws-secret-4713',
    'runner-token-4714',
    'sealing-key-4715',
    'JOB_RUNNER_',
    'NODE_OPTIONS',
    'schoology-secret-4716',
    'svc-pass-4717',
    'param-pass-4718',
  ])
    expect(log).not.toContain(leaked);
  expect(existsSync(marker)).toBe(false);
  // What it may see: the allowlist and what it declared, declared secrets masked.
  expect(lines).toContain(`PATH=${process.env.PATH}`);
  expect(lines).toContain('TZ=Europe/Moscow');
  expect(lines).toContain('SCHOOLOGY_CONSUMER_SECRET=***');
  expect(lines).toContain('SERVICE_URL=https://svc:***@svc.example/api');
  expect(lines).toContain('password=***');
}, 60_000);

it('gives a Toolbelt CLI job the variables its README documents', () => {
  const envOf = (prefix: string) =>
    runner.library.jobs.find((j) => j.kind === 'toolbelt' && j.name.startsWith(prefix))?.env;
  expect(envOf('tech-tracker ')).toEqual(
    expect.arrayContaining(['SMTP_PASSWORD', 'HR_MOT_SHEETS_ID', 'TECH_TRACKER_SHEETS_ID']),
  );
  expect(envOf('learning-etl ')).toEqual(
    expect.arrayContaining(['DATABASE_URL', 'ITRESUME_CLIENT_KEY']),
  );
  expect(envOf('support-rota ')).not.toContain('SMTP_PASSWORD');
  expect(envOf('support-rota ')).not.toContain('DATABASE_URL');
});
