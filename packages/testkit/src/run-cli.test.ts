import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, runCliAsync, startCli } from './index.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

let dir: TempDir;
let bin: string;

// A stand-in CLI: prints what it was given as JSON, then behaves as its first argument asks.
const script = `
import { readFileSync } from 'node:fs';
const [mode, ...rest] = process.argv.slice(2);
const stdin = readFileSync(0, 'utf8');
const seen = { args: rest, cwd: process.cwd(), stdin, env: process.env };
if (mode === 'exit') { process.stdout.write(JSON.stringify(seen)); process.stderr.write('oops\\n'); process.exit(Number(rest[0])); }
if (mode === 'hang') { console.log('ready'); setInterval(() => {}, 1000); }
if (mode === 'fetch') { const r = await fetch(rest[0]); console.log(await r.text()); }
if (mode === 'big') { process.stdout.write('x'.repeat(Number(rest[0]))); }
`;

beforeAll(() => {
  dir = makeTempDir('testkit-run-cli');
  bin = join(dir.path, 'cli.mjs');
  writeFileSync(bin, script);
});
afterAll(() => dir.cleanup());

interface Seen {
  args: string[];
  cwd: string;
  stdin: string;
  env: Record<string, string>;
}
const seenOf = (stdout: string): Seen => JSON.parse(stdout) as Seen;

describe('runCli', () => {
  it('runs node <bin> with the arguments and returns status, stdout and stderr', () => {
    const r = runCli(bin, ['exit', '65', '--flag', 'a b', ''], { cwd: dir.path });
    expect(r.status).toBe(65);
    expect(r.signal).toBeNull();
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe('oops\n');
    const seen = seenOf(r.stdout);
    expect(seen.args).toEqual(['65', '--flag', 'a b', '']);
    expect(seen.cwd).toBe(dir.path);
    expect(seen.stdin).toBe('');
  });

  it("hands Node's own options (--env-file) to the CLI, not to Node", () => {
    const r = runCli(bin, ['exit', '0', '--env-file', 'missing.env'], { cwd: dir.path });
    expect(r.status, r.stderr).toBe(0);
    expect(seenOf(r.stdout).args).toEqual(['0', '--env-file', 'missing.env']);
  });

  it('feeds input on stdin', () => {
    const r = runCli(bin, ['exit', '0'], { input: 'exit\nстрока\n' });
    expect(r.status).toBe(0);
    expect(seenOf(r.stdout).stdin).toBe('exit\nстрока\n');
  });

  it('runs in a clean environment: English, no colour, nothing of the test shell', () => {
    process.env['TESTKIT_LEAK_CHECK'] = 'leaked';
    process.env['DATABASE_URL_TESTKIT'] = 'postgres://leak';
    const saved = { TOOLBELT_LANG: process.env['TOOLBELT_LANG'], LC_ALL: process.env['LC_ALL'] };
    process.env['TOOLBELT_LANG'] = 'ru';
    process.env['LC_ALL'] = 'ru_RU.UTF-8';
    try {
      const { env } = seenOf(runCli(bin, ['exit', '0']).stdout);
      expect(env['TESTKIT_LEAK_CHECK']).toBeUndefined();
      expect(env['DATABASE_URL_TESTKIT']).toBeUndefined();
      expect(env['NO_COLOR']).toBe('1');
      expect(env['LANG']).toBe('C.UTF-8');
      expect(env['TOOLBELT_LANG']).toBeUndefined();
      expect(env['LC_ALL']).toBeUndefined();
      expect(env['PATH']).toBe(process.env['PATH']);
    } finally {
      delete process.env['TESTKIT_LEAK_CHECK'];
      delete process.env['DATABASE_URL_TESTKIT'];
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  it('sets env over the base and removes what is undefined', () => {
    const r = runCli(bin, ['exit', '0'], {
      env: { TOOLBELT_LANG: 'ru', DATABASE_URL: 'postgres://x', NO_COLOR: undefined },
    });
    const { env } = seenOf(r.stdout);
    expect(env['TOOLBELT_LANG']).toBe('ru');
    expect(env['DATABASE_URL']).toBe('postgres://x');
    expect('NO_COLOR' in env).toBe(false);
  });

  it('kills a run that outlives timeoutMs and says so', () => {
    const r = runCli(bin, ['hang'], { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.status).toBeNull();
    expect(r.signal).toBe('SIGKILL');
  });

  it('keeps large outputs whole', () => {
    const r = runCli(bin, ['big', String(5 * 1024 * 1024)]);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(5 * 1024 * 1024);
  });
});

describe('cliEnv', () => {
  it('is the base environment with overrides', () => {
    expect(cliEnv({ A: '1' })).toMatchObject({ A: '1', NO_COLOR: '1', LANG: 'C.UTF-8' });
    expect(cliEnv({ HOME: undefined })['HOME']).toBeUndefined();
  });
});

describe('runCliAsync and startCli', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('served by the test process'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('runCliAsync leaves the test process free to serve the CLI', async () => {
    const r = await runCliAsync(bin, ['fetch', url]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('served by the test process\n');
  });

  it('runCliAsync gives the same result shape as runCli', async () => {
    const r = await runCliAsync(bin, ['exit', '78'], { input: 'abc', env: { X: 'y' } });
    expect(r).toMatchObject({ status: 78, signal: null, stderr: 'oops\n', timedOut: false });
    expect(seenOf(r.stdout)).toMatchObject({ stdin: 'abc', env: { X: 'y', NO_COLOR: '1' } });
  });

  it('startCli hands over the child to signal while it runs', async () => {
    const cli = startCli(bin, ['hang']);
    while (!cli.output().stdout.includes('ready')) await new Promise((r) => setTimeout(r, 20));
    cli.child.kill('SIGTERM');
    const r = await cli.done;
    expect(r.signal).toBe('SIGTERM');
    expect(r.status).toBeNull();
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toBe('ready\n');
  });

  it('startCli kills a run that outlives timeoutMs', async () => {
    const r = await startCli(bin, ['hang'], { timeoutMs: 1500 }).done;
    expect(r).toMatchObject({ timedOut: true, signal: 'SIGKILL', status: null });
  });
});
