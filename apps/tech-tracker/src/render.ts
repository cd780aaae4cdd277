import type { Translate } from '@toolbelt/i18n';
import type { TrackerChange } from './core/diff-tracker.js';
import { COL } from './core/layout.js';
import type { SyncResult } from './run-sync.js';

/** The summary lines printed on stdout after a run. */
export function renderSummary(t: Translate, result: SyncResult): string {
  const c = result.counts;
  return [
    t('summary.title', {
      year: result.schoolYear,
      appended: c.appended,
      updated: c.updated,
      keyChanges: c.keyChanges,
      rescinded: c.rescinded,
      unchanged: c.unchanged,
    }),
    t('summary.calls', { count: result.apiCalls.total }),
  ].join('\n');
}

function row(t: Translate, change: TrackerChange): string[] {
  switch (change.kind) {
    case 'append': {
      const v = change.values;
      const to = t('summary.appendedValue', {
        first: v[1],
        last: v[2],
        location: v[COL.payLocation],
        start: v[COL.startDate],
      });
      return [t('summary.kinds.append'), change.id, '', '', to];
    }
    case 'update':
      return [
        t(change.key ? 'summary.kinds.key' : 'summary.kinds.update'),
        change.id,
        change.field,
        change.from,
        change.to,
      ];
    case 'rescind':
      return [t('summary.kinds.rescind'), change.id, 'Rescinded', '--', change.stamp];
  }
}

/** The dry-run diff as a plain-text table: one line per append, changed field and rescind. */
export function renderDiffTable(t: Translate, changes: readonly TrackerChange[]): string {
  if (changes.length === 0) return t('summary.noChanges');
  const header = ['change', 'id', 'field', 'from', 'to'].map((k) => t(`summary.columns.${k}`));
  const rows = [header, ...changes.map((c) => row(t, c))];
  const widths = header.map((_, i) =>
    Math.min(40, Math.max(...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        return (cell.length > w ? `${cell.slice(0, w - 1)}…` : cell).padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [
    t('summary.dryRunTitle', { count: changes.length }),
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
  ].join('\n');
}
