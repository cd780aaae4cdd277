import type { Progress, ProgressOptions } from '@toolbelt/cli-kit';
import { dbMessages } from '@toolbelt/db';
import { toToolbeltError, type ErrorCode } from '@toolbelt/errors';
import type { Language, Translate } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import type { Defect, Rejection } from './core/activity.js';
import type { ReportLabels } from './core/report.js';
import type { RunLog, RunProgress, RunResult, RunTexts } from './run-run.js';

/** The summary of a run: one line per day. */
export function renderResult(result: RunResult, t: Translate): string[] {
  return result.days.map((day) =>
    t(result.dryRun ? 'ui.summary.dryDay' : 'ui.summary.day', {
      ...day,
      defects: day.withDefects,
      report: t(day.reportUpdated ? 'ui.summary.updated' : 'ui.summary.notUpdated'),
      mails: day.mailed,
    }),
  );
}

/**
 * Shows the result: the summary on stdout (not with --json, whose result is the data), and
 * exit 1 (PARTIAL) when a report or a mail failed for a day whose data is loaded.
 */
export function showResult(
  result: RunResult,
  t: Translate,
  out: { json: boolean; print: (line: string) => void; setExitCode: (code: ErrorCode) => void },
): void {
  if (!out.json) for (const line of renderResult(result, t)) out.print(line);
  if (result.days.some((day) => day.problems.length > 0)) out.setExitCode('PARTIAL');
}

/** Everything a run says, in the run's language: log, progress, report and mail texts, prompt. */
export function createRunView(
  t: Translate,
  options: {
    lang: Language;
    logger: Logger;
    dryRun: boolean;
    startProgress: (options: Omit<ProgressOptions, 'enabled' | 'stream'>) => Promise<Progress>;
  },
): {
  log: RunLog;
  progress: RunProgress;
  cancelNote: () => string;
  texts: RunTexts;
  prompt: { ask: string; bad: string };
} {
  const { progress, cancelNote } = createRunProgress(options.startProgress, t, options.dryRun);
  return {
    log: createRunLog(options.logger, t, options.lang),
    progress,
    cancelNote,
    texts: runTexts(t),
    prompt: { ask: t('prompts.ask'), bad: t('prompts.bad') },
  };
}

/** The run's log in the run's language: every line through the catalogs. */
function createRunLog(logger: Logger, t: Translate, lang: Language): RunLog {
  const words = defectWords(t);
  return {
    line: (level, key, params) => logger.log(level, t(key, params)),
    failure: (key, error, params) =>
      logger.error(t(key, { ...params, message: errorText(error, lang) })),
    waiting: (holder) => logger.info(dbMessages.format(lang, 'log.waiting', holder)),
    // Per-record messages go to the log file; --verbose shows them on the console too.
    corrupt: (line, rejection) => logger.debug(describeRejection(words, line, rejection)),
    defects: (line, defects) => logger.debug(describeDefects(words, line, defects)),
  };
}

/** What an error says in the run's language (its catalog text; a bug's own message). */
function errorText(error: unknown, lang: Language): string {
  return error === undefined ? '' : toToolbeltError(error).localized(lang).message;
}

/** What the run writes to the report and the mail, in the run's language. */
function runTexts(t: Translate): RunTexts {
  return {
    reportLabels: reportLabels(t),
    mail: (day, link) => ({
      subject: t('mail.subject', { day }),
      text: link === undefined ? t('mail.bodyNotUpdated') : t('mail.bodyUpdated', { link }),
    }),
  };
}

/** The labels of the report's ten rows (A1:A10); row 9 is a spacer. */
function reportLabels(t: Translate): ReportLabels {
  const label = (key: string): string => t(`report.labels.${key}`);
  return [
    label('date'),
    label('users'),
    label('runs'),
    label('submits'),
    label('successes'),
    label('ratio'),
    label('avgSubmits'),
    label('avgSuccesses'),
    label('spacer'),
    label('today'),
  ];
}

/**
 * Days and records on a bar (on a terminal only: `startProgress` draws nothing with --json or
 * --quiet), and what Ctrl-C says: which days are in (each day loads in one transaction).
 */
function createRunProgress(
  startProgress: (options: Omit<ProgressOptions, 'enabled' | 'stream'>) => Promise<Progress>,
  t: Translate,
  dryRun: boolean,
): { progress: RunProgress; cancelNote: () => string } {
  let bar: Progress | undefined;
  let days: readonly string[] = [];
  let done = 0;
  const progress: RunProgress = {
    start: async (all) => {
      days = all;
      bar = await startProgress({
        label: t('ui.progress.days'),
        total: all.length,
        counters: [{ name: 'records', label: t('ui.progress.records') }],
      });
    },
    records: (n) => bar?.count?.('records', n),
    dayDone: () => {
      done++;
      bar?.tick();
    },
    stop: () => bar?.stop(),
  };
  const cancelNote = (): string =>
    dryRun
      ? t('ui.cancel.dryRun', { done, total: days.length })
      : done === 0
        ? t('ui.cancel.none', { first: days[0] ?? '' })
        : t('ui.cancel.some', {
            done,
            total: days.length,
            last: days[done - 1],
            next: days[done] ?? '',
          });
  return { progress, cancelNote };
}

/** A catalog message with its words looked up once; only the values change per call. */
type Message = (values: Record<string, string | number>) => string;

/**
 * Translate `key` once with markers in place of its parameters, then fill them in per call:
 * i18next costs ~15 µs a call, too much for one message per defective record of a million.
 */
function prepare(t: Translate, key: string, names: readonly string[]): Message {
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]));
  const parts = t(key, markers).split('\u0000');
  return (values) => {
    let out = '';
    for (let i = 0; i < parts.length; i++)
      out += i % 2 === 1 ? String(values[names[Number(parts[i])] ?? ''] ?? '') : parts[i];
    return out;
  };
}

function defectWords(t: Translate) {
  return {
    corrupt: prepare(t, 'log.corrupt', ['line']),
    corruptCreatedAt: prepare(t, 'log.corruptCreatedAt', ['line', 'value']),
    corruptNul: prepare(t, 'log.corruptNul', ['field', 'line']),
    defects: prepare(t, 'log.defects', ['line']),
    missingField: prepare(t, 'log.missingField', ['field']),
    badCombination: prepare(t, 'log.badCombination', []),
    badValue: prepare(t, 'log.badValue', ['field', 'value']),
    badPassback: prepare(t, 'log.badPassback', ['reason']),
  };
}

type DefectWords = ReturnType<typeof defectWords>;

function describeRejection(words: DefectWords, line: number, rejection: Rejection): string {
  switch (rejection.reason) {
    case 'badCreatedAt':
      return words.corruptCreatedAt({ line, value: rejection.value });
    case 'nulCharacter':
      return words.corruptNul({ line, field: rejection.field });
    case 'missingUserId':
      return words.corrupt({ line });
  }
}

/**
 * The original's one line per record: `line {n} there are errors:` and a marker per defect,
 * each after a space (`value of the field is missing: <key>`, `incorrect combination of
 * parameters: <is_correct>/<attempt_type>`, literally). `line` is the record's position in the
 * response, from 1.
 */
function describeDefects(words: DefectWords, line: number, defects: readonly Defect[]): string {
  let text = words.defects({ line });
  for (const defect of defects) text += ` ${describeDefect(words, defect)}`;
  return text;
}

function describeDefect(words: DefectWords, defect: Defect): string {
  switch (defect.kind) {
    case 'missingField':
      return words.missingField({ field: defect.field });
    case 'badCombination':
      return words.badCombination({});
    case 'badValue':
      return words.badValue({ field: defect.field, value: defect.value });
    case 'badPassback':
      return words.badPassback({ reason: defect.reason });
  }
}
