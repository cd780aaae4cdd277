import { ToolbeltError, isToolbeltError } from '@toolbelt/errors';
import type { EtlCounts, EtlStage } from './types.js';

/** Describes an error thrown by a stage, for messages. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Thrown when the `stop` policy ends a run: names the stage and the failing record's
 * 1-based source position, keeps the counts so far and the original error as `cause`.
 */
export class EtlError extends ToolbeltError {
  readonly stage: EtlStage;
  readonly position: number;
  readonly counts: EtlCounts;

  constructor(
    stage: EtlStage,
    position: number,
    cause: unknown,
    counts: EtlCounts,
    index?: number,
  ) {
    const where = index === undefined ? stage : `${stage} ${index}`;
    // A stage that already said what kind of failure it was (AUTH, UNAVAILABLE...) keeps its code.
    super(
      isToolbeltError(cause) ? cause.code : 'DATA',
      `ETL stopped: ${where} failed at record ${position}: ${describeError(cause)}`,
      {
        cause,
        key: 'etl:stopped',
        params: { stage, position, index, message: describeError(cause), counts },
      },
    );
    this.stage = stage;
    this.position = position;
    this.counts = counts;
  }
}
