import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { acquireLock, readLockHolder } from '../src/index.js';

// The processes run the built package (dist): `pnpm build` comes first, as for every dependent.
const worker = fileURLToPath(new URL('./fixture/worker.mjs', import.meta.url));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-proc-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]): ChildProcess {
  return spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function ended(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return { code: child.exitCode, signal: child.signalCode };
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return { code, signal };
}

async function acquired(child: ChildProcess): Promise<void> {
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    if (out.includes('acquired')) return;
  }
  throw new Error(`worker ended before taking the lock: ${out}`);
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(String(child.stdout));
}

describe('two processes racing', () => {
  it('three times in a row, two processes x 25 read-modify-writes lose nothing', async () => {
    for (let round = 0; round < 3; round += 1) {
      const counter = join(dir, `counter-${round}`);
      writeFileSync(counter, '0');
      const a = run('count', counter, '25');
      const b = run('count', counter, '25');
      const [ra, rb] = await Promise.all([ended(a), ended(b)]);
      expect(ra).toEqual({ code: 0, signal: null });
      expect(rb).toEqual({ code: 0, signal: null });
      expect(readFileSync(counter, 'utf8')).toBe('50');
      expect(existsSync(`${counter}.lock`)).toBe(false);
    }
  }, 60_000);
});

describe('stale lock of a dead process', () => {
  it('is taken over, and two waiters taking it over never hold it at once', async () => {
    const target = join(dir, 't.xlsx');
    const log = join(dir, 'log');
    writeFileSync(log, '');
    const stale = {
      pid: deadPid(),
      command: 'crashed',
      startedAt: '2026-01-01T00:00:00.000Z',
      hostname: hostname(),
    };
    writeFileSync(`${target}.lock`, JSON.stringify(stale));
    expect(await readLockHolder(target)).toEqual(stale);
    const children = [
      run('interval', target, log),
      run('interval', target, log),
      run('interval', target, log),
    ];
    const results = await Promise.all(children.map(ended));
    for (const r of results) expect(r).toEqual({ code: 0, signal: null });
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(6);
    for (let i = 0; i < lines.length; i += 2) {
      const pid = lines[i]!.split(' ')[1];
      expect(lines[i]).toBe(`in ${pid}`);
      expect(lines[i + 1]).toBe(`out ${pid}`);
    }
    expect(existsSync(`${target}.lock`)).toBe(false);
    expect(existsSync(`${target}.lock.takeover`)).toBe(false);
  }, 30_000);
});

describe('--no-wait against a live holder in another process', () => {
  it('fails with TEMPFAIL naming the holder, and waiting ends when the holder is killed', async () => {
    const target = join(dir, 'rota.ics');
    const holder = run('hold', target, 'forever');
    await acquired(holder);
    const error = await acquireLock(target, { command: 'second', wait: false }).catch(
      (e: unknown) => e,
    );
    expect(isToolbeltError(error)).toBe(true);
    if (!isToolbeltError(error)) return;
    expect(error.code).toBe('TEMPFAIL');
    expect(error.exitCode).toBe(75);
    expect(error.message).toContain('worker hold');
    expect(error.message).toContain(`pid ${holder.pid}`);
    expect(error.params).toMatchObject({ pid: holder.pid, command: 'worker hold' });

    const waited: number[] = [];
    const second = acquireLock(target, { command: 'second', onWait: (h) => waited.push(h.pid) });
    const killer = setInterval(() => {
      if (waited.length > 0) {
        clearInterval(killer);
        holder.kill('SIGTERM');
      }
    }, 10);
    const lock = await second;
    expect(waited).toEqual([holder.pid]);
    expect(await ended(holder)).toEqual({ code: null, signal: 'SIGTERM' });
    expect((await readLockHolder(target))?.pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(`${target}.lock`)).toBe(false);
  }, 30_000);
});

describe('release on exit', () => {
  it.each([
    ['process.exit()', 'exit', undefined, { code: 0, signal: null }],
    ['an uncaught exception', 'throw', undefined, { code: 1, signal: null }],
    ['SIGINT with no handler', 'forever', 'SIGINT', { code: null, signal: 'SIGINT' }],
    ['SIGTERM with no handler', 'forever', 'SIGTERM', { code: null, signal: 'SIGTERM' }],
    ['SIGINT the app handles (exit 130)', 'handled', 'SIGINT', { code: 130, signal: null }],
    // The app's once-listener was added before the lock's: it still decides (exit 0).
    ['SIGTERM the app handles once', 'once-first', 'SIGTERM', { code: 0, signal: null }],
  ] as const)(
    'removes the lock file after %s',
    async (_name, end, signal, expected) => {
      const target = join(dir, 'backups');
      const child = run('hold', target, end);
      await acquired(child).catch(() => undefined);
      if (signal) child.kill(signal);
      expect(await ended(child)).toEqual(expected);
      expect(existsSync(`${target}.lock`)).toBe(false);
    },
    30_000,
  );
});

describe('a write interrupted by a signal', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'leaves neither the target nor a temp file after %s',
    async (signal) => {
      const target = join(dir, 't.xlsx');
      const child = run('slow-write', target);
      await acquired(child);
      expect(readdirSync(dir)).toHaveLength(1); // the temp file, being written
      child.kill(signal);
      expect(await ended(child)).toEqual({ code: null, signal });
      expect(readdirSync(dir)).toEqual([]);
    },
    30_000,
  );
});
