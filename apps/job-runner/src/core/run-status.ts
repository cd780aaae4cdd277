/** Life of a run. */
export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Statuses a run never leaves. */
export function isFinished(status: RunStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

/** Why a job process ended, as the executioner saw it. */
export interface JobExit {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: string | null;
  /** The executioner stopped it: the time limit passed, or someone cancelled the run. */
  stoppedBy?: 'timeout' | 'cancel';
  /** Time limit in seconds, for the timeout reason. */
  timeoutSeconds?: number;
  /** The process could not be started at all. */
  spawnError?: string;
}

/** Final status of a run and the reason stored with it (a code + parameters, worded by the shell). */
export interface RunOutcome {
  status: Extract<RunStatus, 'succeeded' | 'failed' | 'cancelled'>;
  exitCode: number | null;
  reason: string | null;
}

/** Decide how a run ended: exit 0 succeeded; cancel cancelled; timeout, signal or non-zero failed. */
export function decideOutcome(exit: JobExit): RunOutcome {
  if (exit.spawnError !== undefined)
    return { status: 'failed', exitCode: null, reason: `could not start: ${exit.spawnError}` };
  if (exit.stoppedBy === 'cancel')
    return { status: 'cancelled', exitCode: exit.code, reason: 'cancelled' };
  if (exit.stoppedBy === 'timeout') {
    return {
      status: 'failed',
      exitCode: exit.code,
      reason: `timed out after ${exit.timeoutSeconds ?? '?'} s`,
    };
  }
  if (exit.code === 0) return { status: 'succeeded', exitCode: 0, reason: null };
  if (exit.code === null)
    return { status: 'failed', exitCode: null, reason: `killed by ${exit.signal ?? 'a signal'}` };
  return { status: 'failed', exitCode: exit.code, reason: `exit code ${exit.code}` };
}

/** The exit code of a command that ran or followed a run: PARTIAL when it did not succeed. */
export type RunExitCode = 'OK' | 'PARTIAL';

export function runExitCode(status: string): RunExitCode {
  return status === 'succeeded' || status === 'queued' || status === 'running' ? 'OK' : 'PARTIAL';
}
