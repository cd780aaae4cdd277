import { hostname } from 'node:os';

/** The owner token of this process: `host:pid`, stored with the history it works on. */
export function currentHistoryOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * True when the process named by `owner` has ended: it ran on this host and no process has
 * its pid any more. An owner on another host cannot be checked from here and counts as
 * alive (its own next run on that host finds it).
 */
export function isHistoryOwnerGone(owner: string, host: string = hostname()): boolean {
  const at = owner.lastIndexOf(':');
  const pid = Number(owner.slice(at + 1));
  if (at < 0 || owner.slice(0, at) !== host || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
