import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { acquireLock, readLockHolder } from './lock.js';
import { ioError } from './io-error.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('acquireLock', () => {
  it('writes the holder beside the target and removes it on release', async () => {
    const target = join(dir, 't.xlsx');
    const lock = await acquireLock(target, { command: 'tech-tracker sync' });
    expect(lock.file).toBe(`${target}.lock`);
    const holder = JSON.parse(readFileSync(lock.file, 'utf8')) as Record<string, unknown>;
    expect(holder).toEqual({
      pid: process.pid,
      command: 'tech-tracker sync',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      hostname: hostname(),
    });
    expect(await readLockHolder(target)).toEqual(holder);
    await lock.release();
    await lock.release();
    expect(existsSync(lock.file)).toBe(false);
    expect(await readLockHolder(target)).toBeUndefined();
  });

  it('uses the lockFile given', async () => {
    const file = join(dir, 'custom.lock');
    const lock = await acquireLock(join(dir, 'folder'), { command: 'x', lockFile: file });
    expect(lock.file).toBe(file);
    expect((await readLockHolder(join(dir, 'folder'), { lockFile: file }))?.command).toBe('x');
    await lock.release();
  });

  it('a second acquire in the same process waits for the first', async () => {
    const target = join(dir, 'rota.ics');
    const first = await acquireLock(target, { command: 'first' });
    const order: string[] = [];
    const second = acquireLock(target, {
      command: 'second',
      onWait: (holder) => {
        order.push(`waiting for ${holder.command}`);
        void first.release().then(() => order.push('released'));
      },
    }).then((lock) => {
      order.push('second holds');
      return lock;
    });
    const lock = await second;
    expect(order).toEqual(['waiting for first', 'released', 'second holds']);
    expect((await readLockHolder(target))?.command).toBe('second');
    await lock.release();
  });

  it('wait: false fails with TEMPFAIL (75) naming the holder', async () => {
    const target = join(dir, 'rota.ics');
    const first = await acquireLock(target, { command: 'support-rota generate' });
    const error = await rejection(acquireLock(target, { command: 'again', wait: false }));
    expect(isToolbeltError(error) && error.code).toBe('TEMPFAIL');
    if (!isToolbeltError(error)) return;
    expect(error.exitCode).toBe(75);
    expect(error.key).toBe('lock:errors.held');
    expect(error.localized('ru').message).toContain('заблокирован процессом support-rota generate');
    expect(error.localized('ru').hint).toContain('--no-wait');
    expect(error.message).toContain(`support-rota generate (pid ${process.pid} on ${hostname()}`);
    expect(error.params).toMatchObject({ pid: process.pid, target, file: `${target}.lock` });
    await first.release();
  });

  it('timeoutMs gives up with TEMPFAIL after waiting', async () => {
    const target = join(dir, 'rota.ics');
    const first = await acquireLock(target, { command: 'first' });
    const error = await rejection(acquireLock(target, { command: 'again', timeoutMs: 60 }));
    expect(isToolbeltError(error) && error.key).toBe('lock:errors.timeout');
    await first.release();
  });

  it('an abort signal ends the wait with its reason', async () => {
    const target = join(dir, 'rota.ics');
    const first = await acquireLock(target, { command: 'first' });
    const controller = new AbortController();
    const reason = new Error('Ctrl-C');
    const error = await rejection(
      acquireLock(target, {
        command: 'again',
        signal: controller.signal,
        onWait: () => controller.abort(reason),
      }),
    );
    expect(error).toBe(reason);
    await first.release();
    const aborted = await rejection(
      acquireLock(target, { command: 'again', signal: AbortSignal.abort(reason) }),
    );
    expect(aborted).toBe(reason);
  });

  it('takes over a lock whose pid is dead on this host', async () => {
    const target = join(dir, 't.xlsx');
    // pid 2^22 + 1 is above Linux's pid_max limit, so no process has it.
    const stale = {
      pid: 4194305,
      command: 'old',
      startedAt: '2026-01-01T00:00:00Z',
      hostname: hostname(),
    };
    writeFileSync(`${target}.lock`, JSON.stringify(stale));
    const lock = await acquireLock(target, { command: 'new', wait: false });
    expect((await readLockHolder(target))?.command).toBe('new');
    await lock.release();
  });

  it('takes over a lock left with our own pid by another (dead) process', async () => {
    const target = join(dir, 't.xlsx');
    const stale = {
      pid: process.pid,
      command: 'old',
      startedAt: '2026-01-01T00:00:00Z',
      hostname: hostname(),
    };
    writeFileSync(`${target}.lock`, JSON.stringify(stale));
    const lock = await acquireLock(target, { command: 'new', wait: false });
    await lock.release();
  });

  it('takes over a lock whose pid now belongs to a process started after the lock', async () => {
    const target = join(dir, 't.xlsx');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
      stdio: 'ignore',
    });
    try {
      const reused = {
        pid: other.pid!,
        command: 'old',
        startedAt: '2020-01-01T00:00:00.000Z',
        hostname: hostname(),
      };
      writeFileSync(`${target}.lock`, JSON.stringify(reused));
      const lock = await acquireLock(target, { command: 'new', wait: false });
      await lock.release();
      // The same live process, with a lock taken after it started, is a real holder.
      const live = { ...reused, startedAt: new Date(Date.now() + 60_000).toISOString() };
      writeFileSync(`${target}.lock`, JSON.stringify(live));
      const error = await rejection(acquireLock(target, { command: 'new', wait: false }));
      expect(isToolbeltError(error) && error.params['pid']).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it('does not take over a lock held on another host', async () => {
    const target = join(dir, 't.xlsx');
    const other = {
      pid: 4194305,
      command: 'remote',
      startedAt: '2026-01-01T00:00:00Z',
      hostname: `not-${hostname()}`,
    };
    writeFileSync(`${target}.lock`, JSON.stringify(other));
    const error = await rejection(acquireLock(target, { command: 'new', wait: false }));
    expect(isToolbeltError(error) && error.params['command']).toBe('remote');
  });

  it('takes over an unreadable lock file only once it is old', async () => {
    const target = join(dir, 't.xlsx');
    writeFileSync(`${target}.lock`, '');
    const fresh = await rejection(acquireLock(target, { command: 'new', wait: false }));
    expect(isToolbeltError(fresh) && fresh.code).toBe('TEMPFAIL');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${target}.lock`, old, old);
    const lock = await acquireLock(target, { command: 'new', wait: false });
    await lock.release();
  });

  it('a lock in a folder that cannot be written is IOERR (74), not a bug', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const error = await rejection(acquireLock(join(file, 't.xlsx'), { command: 'x' }));
    expect(isToolbeltError(error) && error.code).toBe('IOERR');
    if (!isToolbeltError(error)) return;
    expect(error.exitCode).toBe(74);
    expect(error.message).toBe(
      `cannot create ${file}/t.xlsx.lock: a part of the path is not a folder`,
    );
  });
});

describe('ioError', () => {
  it('maps environment refusals to IOERR and leaves bugs alone', () => {
    const rofs = Object.assign(new Error('EROFS'), { code: 'EROFS' });
    const error = ioError(rofs, '/mnt/ro/t.xlsx');
    expect(isToolbeltError(error) && error.message).toBe(
      'cannot write /mnt/ro/t.xlsx: read-only file system',
    );
    const bug = new TypeError('x is undefined');
    expect(ioError(bug, '/x')).toBe(bug);
  });

  it('renders in both languages with the reason translated', () => {
    const full = ioError(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), '/x.ics');
    if (!isToolbeltError(full)) throw new Error('expected a ToolbeltError');
    for (const [lang, text] of [
      ['en', 'cannot write /x.ics: no space left on device'],
      ['ru', 'не удалось записать /x.ics: на устройстве нет места'],
    ] as const) {
      expect(full.localized(lang).message).toBe(text);
    }
  });
});
