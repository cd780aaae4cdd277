import type { Translate } from '@toolbelt/i18n';
import type { TrackerChange } from './diff-tracker.js';
import { COL } from './layout.js';

/** What a run's notification reports. */
export interface RunReport {
  schoolYear: string;
  /** Undefined on success; the error's message on failure. */
  error?: string | undefined;
  /** The run's log, as written to its log file. */
  log: string;
  /** Changes made (empty when the run failed before writing). */
  changes: readonly TrackerChange[];
}

/** The change summary: new hires, key-field changes, rescinds. */
export function summarizeChanges(t: Translate, changes: readonly TrackerChange[]): string {
  const appended = changes.filter((c) => c.kind === 'append');
  const keyed = changes.filter((c) => c.kind === 'update' && c.key);
  const rescinded = changes.filter((c) => c.kind === 'rescind');
  const section = (title: string, lines: string[]): string =>
    [title, ...(lines.length > 0 ? lines : [t('mail.none')]).map((l) => `  ${l}`)].join('\n');
  return [
    section(
      t('mail.newHires', { count: appended.length }),
      appended.map(
        (c) =>
          `${c.id} ${c.values[1] ?? ''} ${c.values[2] ?? ''} - ${c.values[COL.payLocation] ?? ''}, ${c.values[COL.startDate] ?? ''}`,
      ),
    ),
    section(
      t('mail.keyChanges', { count: keyed.length }),
      keyed.map((c) =>
        c.kind === 'update'
          ? t('mail.keyChange', {
              id: c.id,
              field: c.field,
              from: c.from || '""',
              to: c.to || '""',
            })
          : '',
      ),
    ),
    section(
      t('mail.rescinds', { count: rescinded.length }),
      rescinded.map((c) => c.id),
    ),
  ].join('\n');
}

/** Subject and body of the run's e-mail (spec "Notification"). */
export function composeNotification(
  t: Translate,
  report: RunReport,
): { subject: string; text: string } {
  const ok = report.error === undefined;
  const year = report.schoolYear;
  const subject = t(ok ? 'mail.subjectSuccess' : 'mail.subjectError', { year });
  const status = ok
    ? t('mail.bodySuccess', { year })
    : t('mail.bodyError', { year, reason: report.error });
  const text = [
    status,
    '',
    t('mail.logTitle'),
    report.log.trimEnd(),
    '',
    t('mail.changesTitle'),
    summarizeChanges(t, report.changes),
    '',
  ].join('\n');
  return { subject, text };
}
