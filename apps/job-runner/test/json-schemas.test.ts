import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runCli, startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';

// The --json result of every command is a contract: each is parsed here with a strict schema,
// so a renamed, added or dropped field fails this test.

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;

const env = { TZ: 'UTC', JOB_RUNNER_TOOLBELT: '0' };
const cli = (args: string[]) =>
  runCli(bin, [...args, '--jobs-dir', 'jobs', '--json', '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env,
  });
const parse = <T extends z.ZodType>(schema: T, stdout: string): z.infer<T> =>
  schema.parse(JSON.parse(stdout));

const status = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const runResult = z
  .object({
    id: z.number().int(),
    job: z.string(),
    status,
    exitCode: z.number().int().nullable(),
    reason: z.string().nullable(),
    lines: z.number().int(),
  })
  .strict();
const logLine = z
  .object({
    seq: z.number().int(),
    stream: z.enum(['stdout', 'stderr', 'system']),
    at: z.iso.datetime(),
    line: z.string(),
  })
  .strict();
const field = z
  .object({
    name: z.string(),
    label: z.string(),
    type: z.string(),
    required: z.boolean(),
    secret: z.boolean(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    options: z.array(z.string()).optional(),
    help: z.string().optional(),
  })
  .strict();
const runRecord = z
  .object({
    id: z.number().int(),
    job: z.string(),
    status,
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    startedBy: z.string(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    exitCode: z.number().int().nullable(),
    reason: z.string().nullable(),
    lineCount: z.number().int(),
    timeoutSeconds: z.number().int().nullable(),
    rerunOf: z.number().int().nullable(),
    cancelRequested: z.boolean(),
  })
  .strict();

const schemas = {
  list: z
    .object({
      jobs: z.array(
        z
          .object({
            name: z.string(),
            description: z.string(),
            kind: z.enum(['module', 'executable', 'toolbelt']),
            fields: z.number().int(),
          })
          .strict(),
      ),
    })
    .strict(),
  describe: z
    .object({ name: z.string(), description: z.string(), kind: z.string(), fields: z.array(field) })
    .strict(),
  doctor: z
    .object({
      jobs: z.number().int(),
      problems: z.array(z.object({ path: z.string(), problems: z.array(z.string()) }).strict()),
      database: z.string(),
    })
    .strict(),
  run: runResult,
  logs: runResult.extend({ log: z.array(logLine) }).strict(),
  runs: z.object({ runs: z.array(runRecord) }).strict(),
  schedules: z
    .object({
      schedules: z.array(
        z
          .object({
            id: z.string(),
            job: z.string(),
            cron: z.string(),
            params: z.record(z.string(), z.string()),
            next: z.iso.datetime().nullable(),
            last: z
              .object({ id: z.number().int(), status, at: z.iso.datetime() })
              .strict()
              .nullable(),
          })
          .strict(),
      ),
      problems: z.array(z.string()),
    })
    .strict(),
  cancel: z.object({ id: z.number().int(), status }).strict(),
  prune: z
    .object({
      deleted: z.number().int(),
      byJob: z.record(z.string(), z.number().int()),
      dryRun: z.boolean(),
      cutoff: z.iso.datetime().optional(),
      keep: z.number().int().optional(),
    })
    .strict(),
  serve: z.object({ url: z.url() }).strict(),
  worker: z.object({ stopped: z.literal(true) }).strict(),
};

beforeAll(() => {
  dir = makeTempDir('job-runner-json');
  mkdirSync(join(dir.path, 'jobs'));
  writeFileSync(
    join(dir.path, 'jobs', 'greet.mjs'),
    `export const metadata = ${JSON.stringify({
      name: 'greet',
      description: 'Says hello.',
      fields: [
        { name: 'name', required: true, help: 'Who to greet.' },
        { name: 'style', options: ['plain', 'loud'], default: 'plain' },
      ],
    })};\nexport async function run(p) { console.log('hello ' + p.name); console.error('done'); }\n`,
  );
  writeFileSync(
    join(dir.path, 'jobs', 'schedules.json'),
    JSON.stringify([{ id: 'morning', job: 'greet', cron: '0 6 * * *', params: { name: 'Ann' } }]),
  );
});
afterAll(() => dir.cleanup());

it('list, describe and doctor give their documented JSON', () => {
  expect(parse(schemas.list, cli(['list']).stdout).jobs.map((j) => j.name)).toEqual(['greet']);
  expect(parse(schemas.describe, cli(['describe', 'greet']).stdout).fields).toHaveLength(2);
  expect(parse(schemas.doctor, cli(['doctor']).stdout).jobs).toBe(1);
}, 120_000);

it('run, rerun, logs, runs, schedules, cancel and prune give their documented JSON', () => {
  const run = parse(schemas.run, cli(['run', 'greet', '--set', 'name=Ann']).stdout);
  expect(run.status).toBe('succeeded');
  expect(parse(schemas.run, cli(['rerun', String(run.id)]).stdout).status).toBe('succeeded');
  const logs = parse(schemas.logs, cli(['logs', String(run.id)]).stdout);
  expect(logs.log.map((l) => l.line)).toContain('hello Ann');
  const followed = cli(['logs', String(run.id), '--follow'])
    .stdout.trimEnd()
    .split('\n');
  for (const line of followed.slice(0, -1)) logLine.parse(JSON.parse(line));
  expect(runResult.parse(JSON.parse(followed.at(-1)!)).id).toBe(run.id);
  expect(parse(schemas.runs, cli(['runs']).stdout).runs).toHaveLength(2);
  expect(parse(schemas.schedules, cli(['schedules']).stdout).schedules[0]?.id).toBe('morning');
  expect(parse(schemas.cancel, cli(['cancel', String(run.id)]).stdout).status).toBe('succeeded');
  expect(parse(schemas.prune, cli(['prune', '--keep', '1', '--dry-run']).stdout)).toEqual({
    deleted: 0,
    byJob: { greet: 1 },
    dryRun: true,
    keep: 1,
  });
  expect(parse(schemas.prune, cli(['prune', '--older-than', '0d', '--yes']).stdout).deleted).toBe(
    2,
  );
}, 240_000);

/** Start a long-running command, wait for `ready` on stderr, stop it with SIGTERM. */
async function stopped(args: string[], ready: string, extraEnv: Record<string, string> = {}) {
  const started = startCli(bin, [...args, '--jobs-dir', 'jobs', '--json'], {
    cwd: dir.path,
    env: { ...env, ...extraEnv },
  });
  for (let i = 0; i < 600 && !started.output().stderr.includes(ready); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  started.child.kill('SIGTERM');
  const result = await started.done;
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

it('serve and worker give their documented JSON when stopped', async () => {
  const url = await stopped(['serve', '--port', '0'], 'Job runner web UI on');
  expect(parse(schemas.serve, url).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const worker = await stopped(['worker'], 'Worker taking runs', {
    DATABASE_URL: await testDatabaseUrl(),
  });
  expect(parse(schemas.worker, worker)).toEqual({ stopped: true });
}, 240_000);
