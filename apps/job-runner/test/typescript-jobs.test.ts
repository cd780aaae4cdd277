import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForExit } from '../dist/adapters/launcher.js';
import { openRunner, type Runner } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const example = fileURLToPath(
  new URL('../../../examples/jobs/hello-typescript.ts', import.meta.url),
);
let dir: TempDir;
/** A job folder outside any package: no package.json says its `.ts` files are ES modules. */
let jobs: string;
let runner: Runner;

async function cli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCliAsync(bin, [...args, '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env: { JOB_RUNNER_TOOLBELT: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = makeTempDir('job-runner-ts');
  jobs = join(dir.path, 'jobs');
  mkdirSync(jobs);
  copyFileSync(example, join(jobs, 'hello-typescript.ts'));
  // A value import of a @toolbelt package (resolved by the runner's hooks), a relative import
  // of another .ts file, top-level await and type-only syntax.
  writeFileSync(
    join(jobs, '_sign.ts'),
    `import { oauthHeader } from '@toolbelt/schoology';\nexport const signer: string = typeof oauthHeader;\n`,
  );
  writeFileSync(
    join(jobs, 'signed.mts'),
    [
      `import type { JobContext } from '@toolbelt/job-runner/job';`,
      `import { signer } from './_sign.ts';`,
      `const ready: boolean = await Promise.resolve(true);`,
      `export const metadata = { name: 'signed', description: 'Uses the Schoology client.', fields: [{ name: 'n', type: 'integer', default: 2 }] };`,
      `export function run(params: { n: number }, ctx: JobContext): number {`,
      `  ctx.log(\`signer is a \${signer}, ready \${ready}, n \${params.n satisfies number}\`);`,
      `  return 0;`,
      `}`,
    ].join('\n'),
  );
  writeFileSync(
    join(jobs, 'broken.ts'),
    `export const metadata = { name: 'broken', description: 'Bad syntax.' };\nconst value: = 3;\nexport function run(): void {}\n`,
  );
  writeFileSync(
    join(jobs, 'no-description.ts'),
    `export const metadata: { name: string } = { name: 'no-description' };\nexport function run(): void {}\n`,
  );
  writeFileSync(join(jobs, 'types.d.ts'), `export type Greeting = string;\n`);
  runner = await openRunner({
    databaseUrl: await testDatabaseUrl(),
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [jobs],
    toolbelt: false,
  });
}, 120_000);

afterAll(async () => {
  await runner?.close();
  await dir?.cleanup();
});

it('lists and describes a TypeScript job with its fields', async () => {
  const list = await cli(['list', '--jobs-dir', jobs, '--json']);
  expect(list.code).toBe(0);
  const listed = JSON.parse(list.stdout) as { jobs: { name: string; fields: number }[] };
  expect(listed.jobs.map((j) => [j.name, j.fields])).toEqual([
    ['hello-typescript', 3],
    ['signed', 1],
  ]);
  const described = await cli(['describe', 'hello-typescript', '--jobs-dir', jobs]);
  expect(described.code).toBe(0);
  expect(described.stdout).toContain('name (string, required, default world): Who to greet');
  expect(described.stdout).toContain('times (integer, default 2): How many greetings');
  expect(described.stdout).toContain('shout (boolean, default false): Shout');
}, 120_000);

it('runs a TypeScript job and stores its stdout and stderr lines', async () => {
  const started = await startRun(runner, {
    job: 'hello-typescript',
    input: { name: 'Ada', times: '2', shout: 'true' },
    startedBy: 'test',
    launch: 'spawn',
    stderr: 'inherit',
  });
  await waitForExit(started.executioner!);
  const run = (await runner.store.getRun(started.run.id))!;
  expect(run.status).toBe('succeeded');
  expect(run.exitCode).toBe(0);
  const lines = (await runner.store.readLines(run.id, 0, 100)).filter((l) => l.stream !== 'system');
  expect(lines.map((l) => [l.stream, l.line])).toEqual([
    ['stdout', '1/2 HELLO, ADA!'],
    ['stdout', '2/2 HELLO, ADA!'],
    ['stderr', 'greeted Ada 2 time(s)'],
  ]);
}, 120_000);

it('runs a TypeScript job that imports a @toolbelt package from a folder outside any package', async () => {
  const run = await cli(['run', 'signed', '--jobs-dir', jobs, '--set', 'n=5']);
  expect(run.stderr).toContain('succeeded with exit code 0');
  expect(run.stdout).toBe('signer is a function, ready true, n 5\n');
  expect(run.code).toBe(0);
}, 120_000);

it('doctor reports TypeScript jobs with a syntax error or incomplete metadata', async () => {
  const doctor = await cli(['doctor', '--jobs-dir', jobs, '--json']);
  const report = JSON.parse(doctor.stdout) as { problems: { path: string; problems: string[] }[] };
  const problems = Object.fromEntries(
    report.problems.map((p) => [p.path.split('/').pop() ?? '', p.problems] as const),
  );
  expect(Object.keys(problems).sort()).toEqual(['broken.ts', 'no-description.ts']);
  expect(problems['no-description.ts']).toEqual(['description: missing']);
  expect(problems['broken.ts']).toHaveLength(1);
  expect(problems['broken.ts']![0]).toMatch(/^cannot be loaded: .*broken\.ts:2:\d+: ERROR: /);
}, 120_000);
