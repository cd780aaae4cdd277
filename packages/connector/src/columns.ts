import type { Texts } from '@toolbelt/errors';
import { messages } from './i18n/index.js';

/** One entry of a job's column mapping (`JobDataJSON`): destination `column` <- source `mapped`. */
export interface ColumnMapping {
  column: string;
  mapped: string;
}

/** Destination columns: every `column`, in order. */
export function destinationColumnsOf(mapping: readonly ColumnMapping[]): string[] {
  return mapping.map((m) => m.column);
}

/** Source columns: the distinct, non-empty `mapped` values, in order. */
export function sourceColumnsOf(mapping: readonly ColumnMapping[]): string[] {
  const seen = new Set<string>();
  for (const { mapped } of mapping) if (mapped && mapped.trim() !== '') seen.add(mapped);
  return [...seen];
}

/** A row keyed by destination columns, from a row keyed by source columns (unmapped: null). */
export function toDestinationRow(
  mapping: readonly ColumnMapping[],
  row: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { column, mapped } of mapping) out[column] = mapped ? (row[mapped] ?? null) : null;
  return out;
}

/**
 * Checks a parsed `JobDataJSON`; returns the problems found (empty when valid). `field` names
 * the mapping in the texts (`JobDataJSON`, or `mapping` in a job file).
 */
export function validateMapping(value: unknown, field = 'JobDataJSON'): Texts[] {
  if (!Array.isArray(value)) return [messages.text('problems.mappingNotList', { field })];
  const problems: Texts[] = [];
  const columns = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const e = entry as Partial<ColumnMapping> | null;
    if (typeof e?.column !== 'string' || e.column === '')
      problems.push(messages.text('problems.mappingColumn', { field, index }));
    else if (columns.has(e.column))
      problems.push(messages.text('problems.mappingTwice', { field, index, column: e.column }));
    else columns.add(e.column);
    if (e?.mapped !== undefined && e.mapped !== null && typeof e.mapped !== 'string')
      problems.push(messages.text('problems.mappingMapped', { field, index }));
  });
  return problems;
}
