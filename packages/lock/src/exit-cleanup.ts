import { readFileSync, rmSync, unlinkSync } from 'node:fs';

/**
 * What this process must undo if it ends abruptly: lock files it holds (file -> the exact
 * content it wrote) and temp files of writes in progress.
 *
 * 'exit' runs after process.exit(), a normal end and an uncaught exception. A SIGINT/SIGTERM/
 * SIGHUP with no other listener would kill the process without 'exit', so while anything is
 * registered we listen: we clean up and then die by the same signal, as the process would
 * have. When the application listens to the signal itself, it decides when to exit, and the
 * 'exit' hook cleans up then.
 */
const locks = new Map<string, string>();
const temps = new Set<string>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let hooked = false;

function cleanUpSync(): void {
  for (const [file, content] of locks) {
    try {
      if (readFileSync(file, 'utf8') === content) unlinkSync(file);
    } catch {
      // already gone, or its folder went away: nothing to release
    }
  }
  locks.clear();
  for (const temp of temps) rmSync(temp, { force: true, recursive: true });
  temps.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  cleanUpSync();
  unhook();
  process.kill(process.pid, signal);
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanUpSync);
  // First in line, so that the count above still includes the application's `once` listeners
  // (Node removes a once-listener just before calling it).
  for (const signal of signals) process.prependListener(signal, onSignal);
}

function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.removeListener('exit', cleanUpSync);
  for (const signal of signals) process.removeListener(signal, onSignal);
}

function settle(): void {
  if (locks.size === 0 && temps.size === 0) unhook();
  else hook();
}

export const heldLocks = {
  get(file: string): string | undefined {
    return locks.get(file);
  },
  has(file: string): boolean {
    return locks.has(file);
  },
  add(file: string, content: string): void {
    locks.set(file, content);
    settle();
  },
  delete(file: string): void {
    locks.delete(file);
    settle();
  },
};

export const pendingTemps = {
  add(path: string): void {
    temps.add(path);
    settle();
  },
  delete(path: string): void {
    temps.delete(path);
    settle();
  },
};
