import { ToolbeltError, isToolbeltError } from '@toolbelt/errors';
import { messages } from './i18n/index.js';
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
    const params = { stage, where, position, index, message: describeError(cause), counts };
    const texts = messages.text('errors.stopped', params);
    // A stage that already said what kind of failure it was (AUTH, UNAVAILABLE...) keeps its code.
    // A subclass (callers test `instanceof EtlError`), so it passes the catalog's texts itself.
    super(isToolbeltError(cause) ? cause.code : 'DATA', texts.en, {
      cause,
      key: `${messages.namespace}:errors.stopped`,
      params,
      texts,
    });
    this.stage = stage;
    this.position = position;
    this.counts = counts;
  }
}
