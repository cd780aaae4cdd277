import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { executeRun } from '../dist/adapters/executioner.js';
import type { JobDefinition, JobField } from '../dist/core/job-metadata.js';
import { maskParams, validateParams } from '../dist/core/job-params.js';
import { openRunner, type Runner } from '../dist/build-deps.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;
let runner: Runner;
let databaseUrl: string;
let marker: string;
let evilEnv: string;
let evilModule: string;

beforeAll(async () => {
  dir = makeTempDir('job-runner-argv');
  marker = join(dir.path, 'PWNED');
  // The attack of issue 11, item 1: a file an attacker could get written (a CSV or report
  // whose first column they control) that Node would read as an env file.
  evilModule = join(dir.path, 'evil.cjs');
  writeFileSync(
    evilModule,
    `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'code ran');\n`,
  );
  evilEnv = join(dir.path, 'evil.env');
  writeFileSync(evilEnv, `NODE_OPTIONS=--require ${evilModule}\n`);
  writeFileSync(
    join(dir.path, 'print-argv.mjs'),
    `process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS ?? null }) + '\\n');\n`,
  );
  databaseUrl = await testDatabaseUrl();
  runner = await openRunner({
    databaseUrl,
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [],
    toolbelt: false,
  });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await dir?.cleanup();
});

beforeEach(() => {
  rmSync(marker, { force: true });
});

const field = (name: string, type: JobField['type'], extra: Partial<JobField> = {}): JobField => ({
  name,
  label: name,
  type,
  required: false,
  secret: false,
  ...extra,
});

it('a Toolbelt CLI job gets hostile field values as flag values, and no code runs', async () => {
  // A stand-in CLI that prints what it was started with, launched the way Toolbelt CLIs are.
  const job: JobDefinition = {
    name: 'printer show',
    description: 'Prints its argv.',
    kind: 'toolbelt',
    path: join(dir.path, 'print-argv.mjs'),
    commandWords: ['show'],
    fields: [
      field('config', 'string'),
      field('notes', 'text'),
      field('password', 'string', { secret: true }),
      field('count', 'integer'),
    ],
  };
  const hostile = {
    config: `--env-file=${evilEnv}`,
    notes: `--require\n-r ${evilModule} --inspect -- "quoted" 'single' $(touch ${marker}); \`id\` | &`,
    password: `--env-file=${evilEnv}`,
    count: '-5',
  };
  const { values, problems } = validateParams(job.fields, hostile);
  expect(problems).toEqual([]);
  const run = await runner.store.createRun({
    job: job.name,
    params: maskParams(job.fields, values),
    startedBy: 'test',
  });
  const outcome = await executeRun({
    store: runner.store,
    runId: run.id,
    findJob: () => job,
    secrets: { password: hostile.password },
    // Even a runner started with NODE_OPTIONS does not hand it to the job.
    env: { ...process.env, NODE_OPTIONS: `--require ${evilModule}` },
  });
  expect(outcome?.status).toBe('succeeded');
  expect(existsSync(marker)).toBe(false);
  const lines = await runner.store.readLines(run.id, 0, 100);
  const printed = lines.find((l) => l.stream === 'stdout');
  const seen = JSON.parse(printed!.line.replaceAll('***', `--env-file=${evilEnv}`)) as {
    argv: string[];
    execArgv: string[];
    nodeOptions: string | null;
  };
  expect(seen.argv).toEqual([
    'show',
    `--config=${hostile.config}`,
    `--notes=${hostile.notes}`,
    `--password=${hostile.password}`,
    '--count=-5',
  ]);
  // Node options: the capture preload only; nothing of the runner's own execArgv.
  expect(seen.execArgv).toHaveLength(2);
  expect(seen.execArgv[0]).toBe('--import');
  expect(seen.execArgv[1]).toMatch(/capture-preload\.js$/);
  expect(seen.nodeOptions).toBeNull();
}, 60_000);

it("the issue's reproduction: job-runner run 'support-rota generate' --set config=--env-file=… runs no code", async () => {
  const run = await runCliAsync(
    bin,
    [
      ...['run', 'support-rota generate', '--set', `config=--env-file=${evilEnv}`],
      ...['--log-dir', join(dir.path, 'logs')],
    ],
    { cwd: dir.path, env: { DATABASE_URL: databaseUrl } },
  );
  const result = { code: run.status, output: run.stdout + run.stderr };
  expect(existsSync(marker)).toBe(false);
  // support-rota got the value as its --config and says that file is not there.
  expect(result.code).toBe(1);
  expect(result.output).toContain(`--env-file=${evilEnv}`);
}, 120_000);
