import { formatTable } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import type { Language, Translate } from '@toolbelt/i18n';
import { lockMessages, type LockHolder } from '@toolbelt/lock';
import type { DiffEntry } from './core/diff.js';
import type { Fairness } from './core/reports.js';
import type { RotaSettings } from './core/settings.js';
import { messages } from './i18n/index.js';
import type { DiffCounts, GenerateResult } from './run-generate.js';

/** The diff as `--dry-run` prints it: one line per write. */
export function formatDiff(entries: readonly DiffEntry[], t: Translate): string {
  return formatTable(
    [t('ui.diffColumns.change'), t('ui.diffColumns.date'), t('ui.diffColumns.summary')],
    entries.map((e) => [
      t(`ui.kinds.${e.kind}`),
      e.date,
      e.kind === 'update' && e.before ? `${e.before} -> ${e.summary}` : e.summary,
    ]),
  );
}

/** The fairness table (counts right-aligned) and the spread within each group. */
export function formatFairness(fairness: Fairness, t: Translate): string {
  const table = formatTable(
    ['person', 'group', 'leads', 'assists', 'total'].map((c) => t(`ui.fairnessColumns.${c}`)),
    fairness.rows.map((r) => [
      r.name,
      r.group,
      String(r.leads),
      String(r.assists),
      String(r.total),
    ]),
    { align: ['left', 'left', 'right', 'right', 'right'] },
  );
  return [table, ...fairness.spread.map((s) => t('ui.spread', { ...s }))].join('\n');
}

/** The human output of `generate`: header, per-sink summary (and the diff on a dry run), fairness. */
export function renderResult(result: GenerateResult, t: Translate): string {
  const { dateRange } = result;
  const lines = [
    t('ui.header', {
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
      t(result.dryRun ? 'ui.summaryDry' : 'ui.summary', {
        location: sync.location,
        ...sync.counts,
      }),
    );
    for (const f of sync.failed) lines.push(t('ui.failed', { ...f }));
  }
  if (!result.confirmed) lines.push(t('ui.notConfirmed'));
  lines.push('', formatFairness(result.fairness, t));
  if (result.reports.length > 0)
    lines.push('', t('ui.reports', { paths: result.reports.join(', ') }));
  return lines.join('\n');
}

/** Changes the sinks could not apply (the run exits PARTIAL when there are any). */
export function failedCount(result: GenerateResult): number {
  return result.calendar.failed.length + (result.icsExport?.failed.length ?? 0);
}

/** Where the command's output goes. */
export interface Output {
  lang: Language;
  /** `--json`: the result is printed as JSON by the entry point, no human text. */
  json: boolean;
  print(text: string): void;
  logger: { info(message: string): void; error(message: string): void };
  setExitCode(code: ErrorCode): void;
}

/** Shows a run's result: a log line, the human text (unless --json), PARTIAL when writes failed. */
export function showResult(result: GenerateResult, out: Output): void {
  const t = messages.translator(out.lang);
  out.logger.info(t('log.planned', { days: result.dateRange.totalDays, seed: result.seed }));
  if (!out.json) out.print(renderResult(result, t));
  const failed = failedCount(result);
  if (failed === 0) return;
  out.logger.error(t('log.partial', { failed }));
  out.setExitCode('PARTIAL');
}

/** The question `--replace-all` asks on a terminal (without `--yes`). */
export function replaceAllQuestion(counts: DiffCounts, rota: RotaSettings, t: Translate): string {
  return t('prompts.replaceAll', {
    ...counts,
    write: counts.insert + counts.update,
    start: rota.start,
    location: rota.calendar.kind === 'google' ? rota.calendar.name : rota.calendar.path,
  });
}

/** The log line of a Google retry wait. */
export function retryLine(
  info: {
    method: string;
    attempt: number;
    delayMs: number;
    status: number | undefined;
    reason: string | undefined;
  },
  t: Translate,
): string {
  return t('log.retry', { ...info, status: info.status ?? '', reason: info.reason ?? '' });
}

/** The log line of a wait for another run's lock on a file. */
export function waitingLine(holder: LockHolder, target: string, lang: Language): string {
  return lockMessages.format(lang, 'log.waiting', { ...holder, target });
}
