import type { LockHolder } from '@toolbelt/lock';

/**
 * The parameters of the `log.waiting` line (`dbMessages.format(lang, 'log.waiting', ...)`):
 * who holds the folder, and the folder as the user named it.
 */
export function waitingParams(
  holder: LockHolder,
  dataDir: string,
): { command: string; pid: number; dataDir: string } {
  return { command: holder.command, pid: holder.pid, dataDir };
}
