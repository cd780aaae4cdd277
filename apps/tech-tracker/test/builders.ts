import type { MotRecord, TechCell, TrackerRow } from '../src/core/diff-tracker.js';
import { COL, SHARED_FIELDS, type SharedField } from '../src/core/layout.js';

/** Shared field values by name; unnamed fields get a value derived from the id. */
export type Fields = Partial<Record<SharedField, string>>;

function sharedValues(id: string, fields: Fields): string[] {
  return SHARED_FIELDS.map((field, i) => {
    if (i === COL.id) return id;
    const given = fields[field];
    if (given !== undefined) return given;
    if (field === 'Start Date') return '2023-08-01';
    if (field === 'Pay Location') return 'KIPP Oakland';
    return `${field} of ${id}`;
  });
}

/** An MOT row: `motRow('101', { 'Start Date': '2023-08-07' })`. */
export function motRow(id: string, fields: Fields = {}): MotRecord {
  return { values: sharedValues(id, fields) };
}

/** Stamp columns of a tracker row. */
export interface Stamps {
  rescinded?: string;
  added?: string;
  startUpdated?: string;
  payUpdated?: string;
  main?: string;
}

/**
 * A tracker row as the previous sync left it: same shared values as `motRow(id, fields)`,
 * stamps default to `2023-06-01`, Rescinded `--`.
 */
export function trackerRow(
  id: string,
  fields: Fields = {},
  stamps: Stamps = {},
  tech: TechCell[] = [],
): TrackerRow {
  const day = '2023-06-01';
  return {
    cells: [
      ...sharedValues(id, fields),
      stamps.rescinded ?? '--',
      stamps.added ?? day,
      stamps.startUpdated ?? day,
      stamps.payUpdated ?? day,
      stamps.main ?? stamps.startUpdated ?? stamps.payUpdated ?? day,
    ],
    tech,
  };
}

/** Ids of rows in order. */
export function idsOf(rows: readonly TrackerRow[]): string[] {
  return rows.map((r) => r.cells[COL.id] ?? '');
}

/** A row by id. */
export function rowOf(rows: readonly TrackerRow[], id: string): TrackerRow {
  const row = rows.find((r) => r.cells[COL.id] === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}
