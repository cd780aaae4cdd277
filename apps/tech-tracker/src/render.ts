import { formatTable } from '@toolbelt/cli-kit';
import type { Translate } from '@toolbelt/i18n';
import type { TrackerChange } from './core/diff-tracker.js';
import { COL } from './core/layout.js';
import type { SyncResult } from './run-sync.js';

/** Widest cell of the dry-run table; longer values end in `…`. */
const MAX_CELL = 40;

/** The summary lines printed on stdout after a run. */
export function renderSummary(t: Translate, result: SyncResult): string {
  const c = result.counts;
  return [
    t('ui.summary.title', {
      year: result.schoolYear,
      appended: c.appended,
      updated: c.updated,
      keyChanges: c.keyChanges,
      rescinded: c.rescinded,
      unchanged: c.unchanged,
    }),
    t('ui.summary.calls', { count: result.apiCalls.total }),
  ].join('\n');
}

function row(t: Translate, change: TrackerChange): string[] {
  switch (change.kind) {
    case 'append': {
      const v = change.values;
      const to = t('ui.summary.appendedValue', {
        first: v[1],
        last: v[2],
        location: v[COL.payLocation],
        start: v[COL.startDate],
      });
      return [t('ui.summary.kinds.append'), change.id, '', '', to];
    }
    case 'update':
      return [
        t(change.key ? 'ui.summary.kinds.key' : 'ui.summary.kinds.update'),
        change.id,
        change.field,
        change.from,
        change.to,
      ];
    case 'rescind':
      return [t('ui.summary.kinds.rescind'), change.id, 'Rescinded', '--', change.stamp];
  }
}

const clip = (cell: string): string =>
  [...cell].length > MAX_CELL ? `${[...cell].slice(0, MAX_CELL - 1).join('')}…` : cell;

/** The dry-run diff as a plain-text table: one line per append, changed field and rescind. */
export function renderDiffTable(t: Translate, changes: readonly TrackerChange[]): string {
  if (changes.length === 0) return t('ui.summary.noChanges');
  const header = (['change', 'id', 'field', 'from', 'to'] as const).map((k) =>
    clip(t(`ui.summary.columns.${k}`)),
  );
  return [
    t('ui.summary.dryRunTitle', { count: changes.length }),
    formatTable(
      header,
      changes.map((c) => row(t, c).map(clip)),
    ),
  ].join('\n');
}

/** What a sync prints on stdout (not with --json): the diff of a dry run, then the summary. */
export function renderSync(t: Translate, result: SyncResult): string {
  const lines = [renderSummary(t, result)];
  if (result.dryRun) lines.unshift(renderDiffTable(t, result.changes));
  return lines.join('\n');
}
