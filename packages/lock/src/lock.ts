import { readFileSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { resolve } from 'node:path';
import { heldLocks as held } from './exit-cleanup.js';
import { ioError } from './io-error.js';
import { messages } from './i18n/index.js';

/** Who holds a lock: the JSON content of the lock file. */
export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  hostname: string;
}

export interface LockOptions {
  /** Who we are, e.g. 'tech-tracker sync' (shown to a second run). */
  command: string;
  /** Default true; false -> ToolbeltError TEMPFAIL (75) naming the holder. */
  wait?: boolean;
  /** Give up waiting after this many milliseconds (TEMPFAIL); default: wait forever. */
  timeoutMs?: number;
  /** Called once when we start waiting (print "waiting for ..."). */
  onWait?: (holder: LockHolder) => void;
  /** Abort the wait (Ctrl-C): the promise rejects with the abort reason. */
  signal?: AbortSignal;
  /** Default: `${target}.lock` beside a file (or folder) target. */
  lockFile?: string;
}

export interface Lock {
  readonly file: string;
  release(): Promise<void>;
}

/** A lock file whose content cannot be read as a holder is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 250;

function lockFileOf(target: string, lockFile: string | undefined): string {
  return resolve(lockFile ?? `${target}.lock`);
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder> | null;
    if (
      value !== null &&
      typeof value === 'object' &&
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.command === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.hostname === 'string'
    )
      return {
        pid: value.pid,
        command: value.command,
        startedAt: value.startedAt,
        hostname: value.hostname,
      };
  } catch {
    // not JSON: being written right now, or garbage left by a crash
  }
  return undefined;
}

async function readRaw(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(error, file, 'read');
  }
}

/** The current holder of the lock on `target`, or undefined when it is free. */
export async function readLockHolder(
  target: string,
  options: { lockFile?: string } = {},
): Promise<LockHolder | undefined> {
  const raw = await readRaw(lockFileOf(target, options.lockFile));
  return raw === undefined ? undefined : parseHolder(raw);
}

/**
 * When the process with this pid started (Linux: /proc), or undefined when unknown. The
 * clock tick is 100 Hz on Linux (USER_HZ), whatever the kernel's own frequency.
 */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticks) || btime === undefined) return undefined;
    return Number(btime) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

/** Tolerance of the start-time comparison (btime has 1 s resolution; clocks drift a little). */
const START_SLACK_MS = 2_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Whether the holder may still be working. A holder on another host is always presumed alive. */
function holderAlive(file: string, raw: string, holder: LockHolder): boolean {
  if (holder.hostname !== osHostname()) return true;
  // Our own pid: alive only if this process really holds it (a dead process may have had our pid).
  if (holder.pid === process.pid) return held.get(file) === raw;
  if (!pidAlive(holder.pid)) return false;
  // A live process that started after the lock was taken is not its holder: the pid was
  // reused after the holder died (common in containers).
  const started = processStartMs(holder.pid);
  const lockedAt = Date.parse(holder.startedAt);
  return !(
    started !== undefined &&
    Number.isFinite(lockedAt) &&
    started > lockedAt + START_SLACK_MS
  );
}

/** Create the lock file exclusively. True when we now hold it, false when it exists. */
async function tryCreate(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw ioError(error, file, 'create');
  }
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw ioError(error, file, 'write');
  }
  await handle.close();
  return true;
}

/**
 * Remove a stale lock file, atomically with respect to other waiters: under a short-lived
 * guard file (O_EXCL), re-read the lock and delete it only if it is still the stale content.
 * A waiter that comes second finds a different content (or none) and deletes nothing.
 */
async function takeOver(file: string, staleRaw: string): Promise<void> {
  const guard = `${file}.takeover`;
  const mine = JSON.stringify({ pid: process.pid, hostname: osHostname() });
  if (!(await tryCreate(guard, mine))) {
    // Another waiter is taking over; if it died inside the guard, clear the guard.
    const raw = await readRaw(guard);
    if (raw === undefined) return;
    let guardHolder: { pid?: unknown; hostname?: unknown } = {};
    try {
      guardHolder = JSON.parse(raw) as typeof guardHolder;
    } catch {
      // half-written guard
    }
    const dead =
      guardHolder.hostname === osHostname() &&
      typeof guardHolder.pid === 'number' &&
      guardHolder.pid !== process.pid &&
      !pidAlive(guardHolder.pid);
    const old = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs > UNREADABLE_STALE_MS,
      () => false,
    );
    if (dead || old) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    const now = await readRaw(file);
    if (now === staleRaw) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Why the wait ended: the abort's own reason when it is an error (Ctrl-C's CANCELLED). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new Error(`aborted: ${String(reason)}`, { cause: reason });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolvePromise();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function heldError(target: string, file: string, holder: LockHolder, timedOutMs?: number) {
  const params = { target, file, ...holder };
  if (timedOutMs !== undefined)
    return messages.error(
      'TEMPFAIL',
      'errors.timeout',
      { ...params, seconds: Math.round(timedOutMs / 1000) },
      { hint: messages.text('errors.timeoutHint') },
    );
  return messages.error('TEMPFAIL', 'errors.held', params, {
    hint: messages.text('errors.heldHint'),
  });
}

/**
 * Take the lock on `target` (a file or folder path): one writer per target, across processes.
 * Waits while another live process holds it (calling `onWait` once), or fails with TEMPFAIL
 * naming the holder when `wait` is false or `timeoutMs` passes. A lock left by a dead process
 * on this host is taken over.
 */
export async function acquireLock(target: string, options: LockOptions): Promise<Lock> {
  const file = lockFileOf(target, options.lockFile);
  const wait = options.wait ?? true;
  const started = Date.now();
  let notified = false;
  let delay = FIRST_POLL_MS;
  for (;;) {
    if (options.signal?.aborted) throw abortReason(options.signal);
    const holder: LockHolder = {
      pid: process.pid,
      command: options.command,
      startedAt: new Date().toISOString(),
      hostname: osHostname(),
    };
    const content = `${JSON.stringify(holder)}\n`;
    if (!held.has(file) && (await tryCreate(file, content))) {
      held.add(file, content);
      return makeLock(file, content);
    }
    const raw = await readRaw(file);
    if (raw === undefined && !held.has(file)) continue; // released meanwhile: try again now
    let current = raw === undefined ? undefined : parseHolder(raw);
    if (raw !== undefined && current === undefined) {
      // Empty or garbage: being written this instant, or left by a crash long ago.
      const age = await stat(file).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > UNREADABLE_STALE_MS) {
        await takeOver(file, raw);
        continue;
      }
    } else if (raw !== undefined && current !== undefined && !holderAlive(file, raw, current)) {
      await takeOver(file, raw);
      continue;
    }
    current ??= {
      pid: process.pid,
      command: options.command,
      startedAt: '?',
      hostname: osHostname(),
    };
    if (!wait) {
      // A file caught between create and write reads empty: look once more before failing.
      if (raw !== undefined && parseHolder(raw) === undefined && delay === FIRST_POLL_MS) {
        delay *= 2;
        await sleep(FIRST_POLL_MS, options.signal);
        continue;
      }
      throw heldError(target, file, current);
    }
    const waited = Date.now() - started;
    if (options.timeoutMs !== undefined && waited >= options.timeoutMs)
      throw heldError(target, file, current, waited);
    if (!notified) {
      notified = true;
      options.onWait?.(current);
    }
    let pause = delay;
    if (options.timeoutMs !== undefined)
      pause = Math.max(1, Math.min(pause, options.timeoutMs - waited));
    await sleep(pause, options.signal);
    delay = Math.min(MAX_POLL_MS, delay * 2);
  }
}

function makeLock(file: string, content: string): Lock {
  let released = false;
  return {
    file,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      if (held.get(file) !== content) return;
      try {
        if ((await readFile(file, 'utf8')) === content) await unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(error, file, 'write');
      } finally {
        held.delete(file);
      }
    },
  };
}
