import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunner, interruptedReason } from '../dist/build-deps.js';
import { startRun } from '../dist/run-jobs.js';

// job-runner on the embedded default (no DATABASE_URL): one owner per data folder, every
// other process through it, nothing lost.
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;

function writeJobs(jobs: string): void {
  const job = (file: string, metadata: object, body: string) =>
    writeFileSync(
      join(jobs, file),
      `export const metadata = ${JSON.stringify(metadata)};\nexport async function run(params, ctx) {\n${body}\n}\n`,
    );
  job(
    'hi.mjs',
    { name: 'hi', description: 'Says hi.', fields: [{ name: 'who', required: true }] },
    `console.log('hi ' + params.who);`,
  );
  job(
    'lines.mjs',
    {
      name: 'lines',
      description: 'Prints numbered lines as fast as it can.',
      fields: [{ name: 'count', type: 'integer', default: 10000 }],
    },
    `let out = ''; for (let i = 1; i <= params.count; i++) { out += 'line ' + i + '\\n'; if (i % 500 === 0) { process.stdout.write(out); out = ''; } } process.stdout.write(out);`,
  );
  job(
    'ticks.mjs',
    { name: 'ticks', description: 'Prints a line every 50 ms until stopped.' },
    `for (let i = 0; ; i++) { console.log('tick ' + i); await new Promise((r) => setTimeout(r, 50)); }`,
  );
}

interface Cli {
  proc: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when `text` has appeared on stdout or stderr. */
  seen(text: string | RegExp): Promise<void>;
  done: Promise<number | null>;
}

function cli(args: string[], cwd = dir.path): Cli {
  const started = startCli(bin, [...args, '--log-dir', join(cwd, 'logs')], {
    cwd,
    env: { JOB_RUNNER_TOOLBELT: '0' },
  });
  const proc = started.child;
  const all = () => started.output().stdout + started.output().stderr;
  return {
    proc,
    get stdout() {
      return started.output().stdout;
    },
    get stderr() {
      return started.output().stderr;
    },
    seen: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (typeof text === 'string' ? all().includes(text) : text.test(all())) resolve();
        };
        proc.stdout!.on('data', check);
        proc.stderr!.on('data', check);
        proc.once('close', () => {
          check();
          reject(new Error(`ended without printing ${String(text)}:\n${started.output().stderr}`));
        });
        check();
      }),
    done: started.done.then((result) => result.status),
  };
}

async function finish(args: string[], cwd?: string): Promise<Cli & { code: number | null }> {
  const c = cli(args, cwd);
  const code = await c.done;
  return { ...c, code };
}

beforeAll(() => {
  dir = makeTempDir('job-runner-embedded');
  writeJobs(dir.path);
});
afterAll(() => dir?.cleanup());

const jobsDir = () => ['--jobs-dir', dir.path];

describe('job-runner on the embedded database', () => {
  it('read-only commands in a folder with no data create nothing and start no database', async () => {
    const empty = makeTempDir('job-runner-empty');
    try {
      writeJobs(empty.path);
      const runs = await finish(['runs'], empty.path);
      expect(runs.code).toBe(0);
      expect(runs.stdout).toBe('No runs.\n');
      const json = await finish(['runs', '--json'], empty.path);
      expect(JSON.parse(json.stdout)).toEqual({ runs: [] });
      expect((await finish(['logs', '1'], empty.path)).code).toBe(64);
      expect((await finish(['list', '--jobs-dir', empty.path], empty.path)).code).toBe(0);
      expect((await finish(['describe', 'hi', '--jobs-dir', empty.path], empty.path)).code).toBe(0);
      expect((await finish(['doctor', '--jobs-dir', empty.path], empty.path)).code).toBe(0);
      expect(existsSync(join(empty.path, '.data'))).toBe(false);
      expect(existsSync(join(empty.path, 'logs'))).toBe(false);
      // Changing a run that cannot exist: a usage error, still no database.
      expect((await finish(['cancel', '1'], empty.path)).code).toBe(64);
      expect(existsSync(join(empty.path, '.data'))).toBe(false);
    } finally {
      await empty.cleanup();
    }
  });

  it('a run started in another shell while serve runs is executed by serve: in runs and in the web UI', async () => {
    const serve = cli(['serve', '--port', '0', ...jobsDir()]);
    try {
      await serve.seen(/http:\/\/127\.0\.0\.1:\d+/);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(serve.stdout + serve.stderr)![0];
      const run = await finish(['run', 'hi', '--set', 'who=B', ...jobsDir()]);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('hi B\n');
      const id = Number(/Run (\d+) of hi started/.exec(run.stderr)![1]);

      // While serve still runs: the CLI's history goes through serve.
      const runs = await finish(['runs', '--json']);
      expect(runs.code).toBe(0);
      const listed = (JSON.parse(runs.stdout) as { runs: { id: number; status: string }[] }).runs;
      expect(listed.find((r) => r.id === id)).toMatchObject({ status: 'succeeded' });
      const page = await fetch(`${url}/runs`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`/runs/${id}`);
      const logs = await finish(['logs', String(id)]);
      expect(logs.stdout).toBe('hi B\n');
      // rerun from another shell: executed by serve as well.
      const rerun = await finish(['rerun', String(id), ...jobsDir()]);
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toBe('hi B\n');
    } finally {
      serve.proc.kill('SIGTERM');
      expect(await serve.done).toBe(0);
    }
    // After serve stopped, the run is still there.
    const after = await finish(['runs', '--json']);
    const ids = (JSON.parse(after.stdout) as { runs: { job: string; params: object }[] }).runs;
    expect(ids.some((r) => r.job === 'hi' && JSON.stringify(r.params) === '{"who":"B"}')).toBe(
      true,
    );
  });

  it('cancel from another shell stops a run that serve executes; SIGTERM to serve cancels the rest', async () => {
    const serve = cli(['serve', '--port', '0', ...jobsDir()]);
    let code: number | null = null;
    let secondId = 0;
    try {
      await serve.seen(/http:\/\/127\.0\.0\.1:\d+/);
      const first = cli(['run', 'ticks', ...jobsDir()]);
      await first.seen('tick 2');
      const id = Number(/Run (\d+) of ticks started/.exec(first.stderr)![1]);
      // A third shell follows the live log through serve.
      const follow = cli(['logs', String(id), '--follow']);
      await follow.seen('tick 3');
      expect((await finish(['cancel', String(id)])).code).toBe(0);
      expect(await first.done).toBe(1);
      expect(await follow.done).toBe(1);
      expect(follow.stdout).toMatch(/^tick 0\ntick 1\ntick 2\ntick 3\n/);
      const second = cli(['run', 'ticks', ...jobsDir()]);
      await second.seen('tick 2');
      secondId = Number(/Run (\d+) of ticks started/.exec(second.stderr)![1]);
      serve.proc.kill('SIGTERM');
      code = await serve.done;
      await second.done;
      const runs = await finish(['runs', '--json', '--job', 'ticks']);
      const byId = new Map(
        (JSON.parse(runs.stdout) as { runs: { id: number; status: string }[] }).runs.map((r) => [
          r.id,
          r.status,
        ]),
      );
      expect(byId.get(id)).toBe('cancelled');
      expect(byId.get(secondId)).toBe('cancelled');
    } finally {
      serve.proc.kill('SIGKILL');
    }
    expect(code).toBe(0);
  });

  it('Ctrl-C on run cancels the run, records it, and exits 130', async () => {
    const run = cli(['run', 'ticks', ...jobsDir()]);
    await run.seen('tick 2');
    run.proc.kill('SIGINT');
    expect(await run.done).toBe(130);
    const id = Number(/Run (\d+) of ticks started/.exec(run.stderr)![1]);
    const logs = await finish(['logs', String(id), '--json']);
    expect(JSON.parse(logs.stdout)).toMatchObject({ id, status: 'cancelled' });
  });

  it('a run killed with SIGKILL mid-way: the next command takes the folder over and records it failed', async () => {
    const run = cli(['run', 'ticks', ...jobsDir()]);
    await run.seen('tick 3');
    const id = Number(/Run (\d+) of ticks started/.exec(run.stderr)![1]);
    run.proc.kill('SIGKILL');
    await run.done;
    expect(existsSync(join(dir.path, '.data/job-runner/owner.lock'))).toBe(true);
    const logs = await finish(['logs', String(id), '--json']);
    expect(logs.code).toBe(1);
    expect(JSON.parse(logs.stdout)).toMatchObject({
      id,
      status: 'failed',
      reason: interruptedReason,
    });
    expect((JSON.parse(logs.stdout) as { lines: number }).lines).toBeGreaterThan(2);
  });

  it('three 10,000-line jobs at once, five times: every line of every run stored, in order', async () => {
    const data = join(dir.path, 'lines-data');
    const runner = await openRunner(
      { dataDir: data, jobsDirs: [dir.path], toolbelt: false },
      { command: 'test' },
    );
    try {
      for (let round = 0; round < 5; round++) {
        const started = await Promise.all(
          [0, 1, 2].map(() =>
            startRun(runner, { job: 'lines', input: {}, startedBy: 'test', launch: 'spawn' }),
          ),
        );
        await Promise.all(started.map((s) => s.done ?? Promise.resolve()));
        for (const { run } of started) {
          const record = await runner.store.getRun(run.id);
          expect(record).toMatchObject({ status: 'succeeded' });
          const lines = await runner.store.readLines(run.id, 0, 20_000);
          const stdout = lines.filter((l) => l.stream === 'stdout').map((l) => l.line);
          expect(stdout.length).toBe(10_000);
          expect(stdout.every((line, i) => line === `line ${i + 1}`)).toBe(true);
          expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
          expect(record!.lineCount).toBe(lines.length);
        }
      }
    } finally {
      await runner.close();
    }
    expect(readdirSync(data)).toContain('PG_VERSION');
  }, 300_000);
});
