import type { ConnectorKind } from '@toolbelt/connector';

/** What `run` was asked to do. */
export interface StageRequest {
  stage?: ConnectorKind;
  historyId?: number;
  dryRun: boolean;
}

/** The stages to run in order, or the reason the request is not valid. */
export type StagePlan =
  | { ok: true; stages: ConnectorKind[] }
  | { ok: false; problem: 'historyRequired' | 'historyWithSource' | 'dryRunDestination' };

/**
 * Source then destination by default; `--stage destination` needs the history whose batches
 * it loads; a dry run reads the source only.
 */
export function planStages(request: StageRequest): StagePlan {
  if (request.stage === 'destination') {
    if (request.dryRun) return { ok: false, problem: 'dryRunDestination' };
    if (request.historyId === undefined) return { ok: false, problem: 'historyRequired' };
    return { ok: true, stages: ['destination'] };
  }
  if (request.historyId !== undefined) return { ok: false, problem: 'historyWithSource' };
  if (request.stage === 'source' || request.dryRun) return { ok: true, stages: ['source'] };
  return { ok: true, stages: ['source', 'destination'] };
}

/** Exit status of a run: the first stage that did not end with 0, else 0. */
export function exitCodeOfStages(outcomes: readonly { exitCode: number }[]): number {
  return outcomes.find((o) => o.exitCode !== 0)?.exitCode ?? 0;
}

/** The destination runs only when the source loaded rows and ended well. */
export function shouldRunDestination(source: {
  exitCode: number;
  rowsAffected: number;
  status: string;
}): boolean {
  return source.exitCode === 0 && source.status === 'Running' && source.rowsAffected > 0;
}

/** `check` ends with CONFIG (78) when a check failed. */
export function exitCodeOfChecks(result: { ok: boolean }): 'OK' | 'CONFIG' {
  return result.ok ? 'OK' : 'CONFIG';
}
