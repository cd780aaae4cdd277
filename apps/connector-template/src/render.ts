import { formatTable } from '@toolbelt/cli-kit';
import {
  historyStatusNames,
  type HistoryRow,
  type JobDetails,
  type JobSummary,
  type LogRow,
} from '@toolbelt/connector';
import { dbMessages, waitingParams, type LockHolder } from '@toolbelt/db';
import type { ErrorCode, Texts } from '@toolbelt/errors';
import type { Language, Translate } from '@toolbelt/i18n';
import type { RunCounts } from './build-deps.js';
import { exitCodeOfChecks } from './core/stages.js';
import { messages } from './i18n/index.js';
import type { CheckResult } from './run-check.js';
import type { HistoryResult } from './run-history.js';
import type { RunJobResult } from './run-job.js';
import type { SavedJob } from './run-jobs.js';
import type { NewResult } from './run-new.js';
import type { RunSettings } from './settings.js';

/** Where a command's output goes. */
export interface Output {
  lang: Language;
  /** `--json`: the returned value is printed as JSON by the entry point, no human text. */
  json: boolean;
  /** stdout */
  print(text: string): void;
  logger: { info(message: string): void; error(message: string): void };
}

type UpdateMethodName = 'Append' | 'Replace';
const methodName = (code: number): UpdateMethodName => (code === 2 ? 'Replace' : 'Append');
const methodWord = (t: Translate, code: number): string =>
  t(`ui.methods.${code === 2 ? 'replace' : 'append'}`);

/** `run`: each stage's outcome on stdout (the result, as --json puts its result there). */
export function showRun(result: RunJobResult, settings: RunSettings, out: Output): RunJobResult {
  const t = messages.translator(out.lang);
  const [source] = result.stages;
  if (settings.stages.length === 1 && source?.kind === 'source' && source.status === 'Running')
    out.logger.info(t('log.sourceOnly', { job: result.jobId, history: source.historyId }));
  if (!out.json)
    for (const stage of result.stages)
      out.print(
        t('ui.stageLine', {
          kind: stage.kind,
          connector: stage.connectorId,
          status: stage.status,
          rows: stage.rowsAffected,
          message: stage.message,
        }),
      );
  return result;
}

/** `check`: one line per check on stderr, then the verdict; CONFIG (78) when one failed. */
export function showCheck(
  result: CheckResult,
  out: Output & { setExitCode(code: ErrorCode): void },
): CheckResult {
  const t = messages.translator(out.lang);
  for (const c of result.checks) {
    const line = t('log.checkLine', {
      status: t(c.ok ? 'ui.check.ok' : 'ui.check.failed'),
      stage: c.stage,
      name: c.name,
      message: c.message,
    });
    if (c.ok) out.logger.info(line);
    else out.logger.error(line);
  }
  out.logger.info(t(result.ok ? 'log.allOk' : 'log.someFailed'));
  out.setExitCode(exitCodeOfChecks(result));
  return result;
}

/** A history row for --json: the status by name (`Finished`), not its code. */
export type NamedHistoryRow = Omit<HistoryRow, 'status'> & {
  status: (typeof historyStatusNames)[HistoryRow['status']];
};
/** A log row for --json: the type by name (`Info`, `Error`). */
export type NamedLogRow = Omit<LogRow, 'type'> & { type: 'Info' | 'Error' };

/** `history` as --json shows it. */
export interface HistoryJson {
  history: NamedHistoryRow[];
  logs?: NamedLogRow[];
}

/** `history`: a table of runs, or of one run's log rows (internal rows: their first line). */
export function showHistory(result: HistoryResult, out: Output): HistoryJson {
  const t = messages.translator(out.lang);
  const history = result.history.map((row) => ({
    ...row,
    status: historyStatusNames[row.status],
  }));
  const logs = result.logs?.map((row) => ({
    ...row,
    type: row.type === 2 ? ('Error' as const) : ('Info' as const),
  }));
  if (out.json) return { history, logs };
  if (logs) {
    const h = (k: string): string => t(`ui.logHeaders.${k}`);
    out.print(
      formatTable(
        [h('time'), h('type'), h('connector'), h('text')],
        logs.map((r) => [
          r.loggedAt?.toISOString() ?? '',
          r.type.toUpperCase(),
          r.connector,
          r.external ? r.text : `[internal] ${r.text.split('\n')[0] ?? ''}`,
        ]),
      ),
    );
  } else if (history.length === 0) out.print(t('ui.noHistory'));
  else {
    const h = (k: string): string => t(`ui.historyHeaders.${k}`);
    out.print(
      formatTable(
        [h('id'), h('job'), h('status'), h('rows'), h('started'), h('finished')],
        history.map((r) => [
          String(r.id),
          String(r.jobId),
          r.status,
          String(r.rowCount),
          r.startedAt.toISOString(),
          r.finishedAt?.toISOString() ?? '',
        ]),
      ),
    );
  }
  return { history, logs };
}

/** `jobs list` as --json shows it: the update method by name (`Replace`), as the table does. */
export interface JobsJson {
  jobs: (Omit<JobSummary, 'updateMethod'> & { updateMethod: UpdateMethodName })[];
}

export function showJobs(jobs: JobSummary[], out: Output): JobsJson {
  const t = messages.translator(out.lang);
  const h = (k: string): string => t(`ui.jobHeaders.${k}`);
  if (!out.json)
    out.print(
      jobs.length === 0
        ? t('ui.noJobs')
        : formatTable(
            [h('id'), h('name'), h('source'), h('destination'), h('method')],
            jobs.map((j) => [
              String(j.id),
              j.name,
              `${j.source}: ${j.sourceObject}`,
              `${j.destination}: ${j.destinationObject}`,
              methodWord(t, j.updateMethod),
            ]),
          ),
    );
  return { jobs: jobs.map((j) => ({ ...j, updateMethod: methodName(j.updateMethod) })) };
}

/** A job as `jobs show` prints it: names instead of codes, never its credentials. */
export type ShownJob = Omit<JobDetails, 'source' | 'destination' | 'updateMethod'> & {
  source: Omit<JobDetails['source'], 'encryptedCredentials'> & { hasCredentials: boolean };
  destination: Omit<JobDetails['destination'], 'encryptedCredentials'> & {
    hasCredentials: boolean;
  };
  updateMethod: UpdateMethodName;
};

export function toShownJob(job: JobDetails): ShownJob {
  const end = ({ encryptedCredentials, ...rest }: JobDetails['source']) => ({
    ...rest,
    hasCredentials: encryptedCredentials !== null,
  });
  return {
    ...job,
    source: end(job.source),
    destination: end(job.destination),
    updateMethod: methodName(job.updateMethod),
  };
}

export function showJob(job: JobDetails, out: Output): ShownJob {
  const t = messages.translator(out.lang);
  const h = (k: string): string => t(`ui.jobHeaders.${k}`);
  const shown = toShownJob(job);
  if (!out.json)
    out.print(
      formatTable(
        [h('field'), h('value')],
        [
          [h('id'), String(shown.id)],
          [h('name'), shown.name],
          [h('source'), `${shown.source.connector}: ${shown.source.object}`],
          [h('destination'), `${shown.destination.connector}: ${shown.destination.object}`],
          [h('method'), methodWord(t, job.updateMethod)],
          [h('mapping'), shown.mapping.map((m) => `${m.column} -> ${m.mapped || '-'}`).join(', ')],
        ],
      ),
    );
  return shown;
}

/** `jobs add`: the job's id, and whether a job of that name was updated instead. */
export function showAdded(saved: SavedJob, out: Output): SavedJob {
  const t = messages.translator(out.lang);
  out.logger.info(t(saved.updated ? 'log.updatedByName' : 'log.added', { ...saved }));
  return saved;
}

export function showUpdated(saved: SavedJob, out: Output): { id: number; name: string } {
  out.logger.info(messages.format(out.lang, 'log.updated', { ...saved }));
  return { id: saved.id, name: saved.name };
}

export function showRemoved(
  job: JobDetails,
  out: Output,
): { id: number; name: string; removed: true } {
  out.logger.info(messages.format(out.lang, 'log.removed', { id: job.id, name: job.name }));
  return { id: job.id, name: job.name, removed: true };
}

export function showNew(result: NewResult, out: Output): NewResult {
  const t = messages.translator(out.lang);
  out.logger.info(t('log.created', { ...result }));
  out.logger.info(t('log.next', { dir: result.dir }));
  return result;
}

/** The question `jobs remove` asks on a terminal (without `--yes`). */
export function removeQuestion(job: JobDetails, lang: Language): string {
  return messages.format(lang, 'prompts.confirmRemove', { id: job.id, name: job.name });
}

/** The words of `run`'s progress bar. */
export function progressLabels(
  lang: Language,
): Record<'job' | 'read' | 'batches' | 'loaded', string> {
  const t = messages.translator(lang);
  return {
    job: t('ui.progress.job'),
    read: t('ui.progress.read'),
    batches: t('ui.progress.batches'),
    loaded: t('ui.progress.loaded'),
  };
}

/** What Ctrl-C says a run did (in every language); its history row is marked Failed by the next run. */
export function cancelNote(counts: RunCounts): Texts {
  return messages.text('log.cancelled', { ...counts });
}

/** The log line of a wait for another process that has the embedded database folder. */
export function waitingLine(holder: LockHolder, dataDir: string, lang: Language): string {
  return dbMessages.format(lang, 'log.waiting', waitingParams(holder, dataDir));
}
