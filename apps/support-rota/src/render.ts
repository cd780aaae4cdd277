import type { Translate } from '@toolbelt/i18n';
import type { GenerateResult } from './run-generate.js';
import type { DiffEntry } from './core/diff.js';
import type { Fairness } from './core/reports.js';

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)),
  );
  const line = (cells: readonly (string | number)[]): string =>
    cells
      .map((c, i) =>
        typeof c === 'number'
          ? String(c).padStart(widths[i] ?? 0)
          : String(c).padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The diff as `--dry-run` prints it: one line per write. */
export function formatDiff(entries: readonly DiffEntry[], t: Translate): string {
  return formatTable(
    [t('out.diffColumns.change'), t('out.diffColumns.date'), t('out.diffColumns.summary')],
    entries.map((e) => [
      t(`out.kinds.${e.kind}`),
      e.date,
      e.kind === 'update' && e.before ? `${e.before} -> ${e.summary}` : e.summary,
    ]),
  );
}

/** The fairness table and the spread within each group. */
export function formatFairness(fairness: Fairness, t: Translate): string {
  const table = formatTable(
    ['person', 'group', 'leads', 'assists', 'total'].map((c) => t(`out.fairnessColumns.${c}`)),
    fairness.rows.map((r) => [r.name, r.group, r.leads, r.assists, r.total]),
  );
  return [table, ...fairness.spread.map((s) => t('out.spread', { ...s }))].join('\n');
}

/** The human output of `generate`: header, per-sink summary (and the diff on a dry run), fairness. */
export function renderResult(result: GenerateResult, t: Translate): string {
  const { dateRange } = result;
  const lines = [
    t('out.header', {
      rota: result.rota,
      start: dateRange.start,
      end: dateRange.end,
      cycles: dateRange.cycles,
      days: dateRange.totalDays,
      seed: result.seed,
    }),
  ];
  for (const sync of [result.calendar, result.icsExport]) {
    if (!sync) continue;
    if (result.dryRun && sync.changes.length > 0) lines.push('', formatDiff(sync.changes, t));
    lines.push(
      '',
      t(result.dryRun ? 'out.summaryDry' : 'out.summary', {
        location: sync.location,
        ...sync.counts,
      }),
    );
    for (const f of sync.failed) lines.push(t('out.failed', { ...f }));
  }
  if (!result.confirmed) lines.push(t('out.notConfirmed'));
  lines.push('', formatFairness(result.fairness, t));
  if (result.reports.length > 0)
    lines.push('', t('out.reports', { paths: result.reports.join(', ') }));
  return lines.join('\n');
}
