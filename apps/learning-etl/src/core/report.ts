import type { SheetWrite } from '@toolbelt/google';
import { toSerialDate } from '@toolbelt/dates';
import type { DayStats } from './stats.js';

/** Localised labels of the report's ten rows (A1:A10); row 9 is a spacer. */
export type ReportLabels = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Number format of the two date cells. */
export const REPORT_DATE_PATTERN = 'dd.mm.yyyy';

/**
 * The writes that put a day's statistics on the report tab: clear it, labels in A1:C10
 * (text in A, B and C left for it to run into), values in D1:D10, dates as serial numbers shown dd.mm.yyyy.
 */
export function planReport(
  tab: string,
  day: string,
  stats: DayStats,
  labels: ReportLabels,
  today: string,
): SheetWrite[] {
  const values = [
    toSerialDate(day),
    stats.users,
    stats.runs,
    stats.submits,
    stats.successes,
    stats.ratio,
    stats.avgSubmits,
    stats.avgSuccesses,
    '',
    toSerialDate(today),
  ];
  return [
    { kind: 'clear', tab, range: 'A1:Z1000' },
    { kind: 'values', tab, range: 'A1:A10', values: labels.map((label) => [label]) },
    { kind: 'values', tab, range: 'D1:D10', values: values.map((value) => [value]) },
    {
      kind: 'format',
      tab,
      range: 'D1',
      numberFormat: { type: 'DATE', pattern: REPORT_DATE_PATTERN },
    },
    {
      kind: 'format',
      tab,
      range: 'D10',
      numberFormat: { type: 'DATE', pattern: REPORT_DATE_PATTERN },
    },
    { kind: 'format', tab, range: 'D6', numberFormat: { type: 'PERCENT', pattern: '0%' } },
  ];
}
