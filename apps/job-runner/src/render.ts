/**
 * Every word the job runner's commands print, and the shape of their JSON: results of the
 * `run-*` orchestrators in, text in the user's language out.
 */
import { formatTable } from '@toolbelt/cli-kit';
import { dbMessages, waitingParams, type LockHolder } from '@toolbelt/db';
import type { Bilingual, Translate } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import { formatElapsed, runElapsedMs } from './core/elapsed.js';
import type { JobDefinition } from './core/job-metadata.js';
import { paramProblemMessage, type ParamProblem } from './core/job-params.js';
import { localDateTime } from '@toolbelt/dates';
import { isFinished, type RunStatus } from './core/run-status.js';
import type { LogLine, RunRecord } from './adapters/run-store.js';
import type { OpenRunnerOptions } from './build-deps.js';
import { messages } from './i18n/index.js';
import type { RunResult } from './run-jobs.js';
import type { CancelReport, PruneReport } from './run-runs.js';
import type { DoctorResult, JobSummary, ScheduleSummary } from './run-library.js';
import type { ServeEvents } from './run-serve.js';
import type { WorkerEvents } from './run-worker.js';

/**
 * The catalogs of the commands' words (`job-runner` first: the default namespace; `db` for its
 * waiting line). Errors need none: they carry their texts.
 */
export const catalogs: Record<string, Bilingual> = {
  'job-runner': messages.catalog,
  db: dbMessages.catalog,
};

/** "Waiting for ... to release the data folder". */
export function waitingLine(holder: LockHolder, dataDir: string, t: Translate): string {
  return t('db:log.waiting', waitingParams(holder, dataDir));
}

/** A run's status in the user's language. */
export function statusWord(status: string, t: Translate): string {
  return t(`ui.statuses.${status}`);
}

const reasonPatterns: readonly {
  match: RegExp;
  key: string;
  params: (m: RegExpExecArray) => Record<string, string | undefined>;
}[] = [
  { match: /^exit code (-?\d+)$/, key: 'exitCode', params: (m) => ({ code: m[1] }) },
  { match: /^cancelled$/, key: 'cancelled', params: () => ({}) },
  { match: /^timed out after (.+) s$/, key: 'timedOut', params: (m) => ({ seconds: m[1] }) },
  { match: /^killed by (.+)$/, key: 'killed', params: (m) => ({ signal: m[1] }) },
  { match: /^could not start: (.*)$/s, key: 'couldNotStart', params: (m) => ({ error: m[1] }) },
  { match: /^interrupted: /, key: 'interrupted', params: () => ({}) },
];

/**
 * Why a run ended (English data in the run record), in the language of `t`; a reason of
 * unknown shape is shown as stored.
 */
export function wordReason(reason: string | null, t: Translate): string {
  if (reason === null) return '';
  for (const { match, key, params } of reasonPatterns) {
    const m = match.exec(reason);
    if (m) return t(`ui.reasons.${key}`, params(m));
  }
  return reason;
}

/** One parameter problem in the language of `t`. */
export function wordParamProblem(problem: ParamProblem, t: Translate): string {
  const { key, params } = paramProblemMessage(problem);
  return t(key, params);
}

/** Units of durations (`1 h 2 min`). */
function units(t: Translate): { h: string; min: string; s: string } {
  return { h: t('ui.units.h'), min: t('ui.units.min'), s: t('ui.units.s') };
}

/** Warnings for job folders that do not exist. */
export function missingFolderLines(dirs: readonly string[], t: Translate): string[] {
  return dirs.map((dir) => t('log.missingDir', { dir }));
}

/** `list`: the jobs, or how to add one. */
export function renderList(jobs: readonly JobSummary[], dirs: readonly string[], t: Translate) {
  if (jobs.length === 0) return t('ui.list.none', { dirs: dirs.join(', ') });
  const width = Math.max(...jobs.map((j) => j.name.length));
  return [
    t('ui.list.header', { count: jobs.length }),
    ...jobs.map((job) => `  ${job.name.padEnd(width)}  ${job.description}`),
  ].join('\n');
}

/** `describe`: the job and its fields. */
export function renderDescribe(
  job: Pick<JobDefinition, 'name' | 'description' | 'fields'>,
  t: Translate,
) {
  const lines = [
    `${job.name}: ${job.description}`,
    job.fields.length ? t('ui.describe.fields') : t('ui.describe.noFields'),
  ];
  for (const f of job.fields) {
    const notes = [
      f.type,
      f.required ? t('ui.describe.required') : undefined,
      f.secret ? t('ui.describe.secret') : undefined,
      f.default === undefined ? undefined : t('ui.describe.default', { value: String(f.default) }),
      f.options ? t('ui.describe.options', { options: f.options.join(', ') }) : undefined,
    ].filter(Boolean);
    lines.push(`  ${f.name} (${notes.join(', ')})${f.label !== f.name ? `: ${f.label}` : ''}`);
  }
  return lines.join('\n');
}

/** `doctor`: the database, and every candidate that is not listed, with why. */
export function renderDoctor(result: DoctorResult, t: Translate): string {
  const lines = [t('ui.doctor.database', { kind: result.database })];
  if (result.problems.length === 0) lines.push(t('ui.doctor.ok', { count: result.jobs }));
  else {
    lines.push(t('ui.doctor.problems', { count: result.problems.length }));
    for (const p of result.problems)
      for (const problem of p.problems) lines.push(`  ${p.path}: ${problem}`);
  }
  return lines.join('\n');
}

/** `runs`: an aligned table (local start time, duration, parameters as JSON). */
export function renderRuns(runs: readonly RunRecord[], now: Date, t: Translate): string {
  if (runs.length === 0) return t('ui.runs.none');
  const rows = runs.map((r) => {
    const ms = runElapsedMs(r, now);
    return [
      String(r.id),
      `${statusWord(r.status, t)}${r.exitCode === null ? '' : ` (${r.exitCode})`}`,
      r.job,
      localDateTime(r.startedAt ?? r.createdAt),
      ms === undefined ? '' : formatElapsed(ms, units(t)),
      JSON.stringify(r.params),
    ];
  });
  const headers = ['id', 'status', 'job', 'started', 'duration', 'parameters'];
  return formatTable(
    headers.map((h) => t(`ui.runs.${h}`)),
    rows,
    { align: ['right', 'left', 'left', 'left', 'right'] },
  );
}

/** `schedules`: a table of the schedules with their next and last runs. */
export function renderSchedules(schedules: readonly ScheduleSummary[], t: Translate): string {
  if (schedules.length === 0) return t('ui.schedules.none');
  const headers = ['id', 'job', 'cron', 'next', 'last'].map((h) => t(`ui.schedules.${h}`));
  const rows = schedules.map((s) => [
    s.id,
    s.job,
    s.cron,
    s.next ? localDateTime(new Date(s.next)) : '',
    s.last
      ? `#${s.last.id} ${statusWord(s.last.status, t)} ${localDateTime(new Date(s.last.at))}`
      : '',
  ]);
  return formatTable(headers, rows);
}

/** `cancel`: requested, or the run had already finished. */
export function renderCancel(report: CancelReport, t: Translate): string {
  const params = { id: report.result.id, status: statusWord(report.result.status, t) };
  return t(report.alreadyFinished ? 'ui.cancel.finished' : 'ui.cancel.requested', params);
}

/** The runs `prune` finds, per job: `report (3), nightly (1)`. */
function jobCounts(byJob: Readonly<Record<string, number>>): string {
  return Object.entries(byJob)
    .map(([job, n]) => `${job} (${n})`)
    .join(', ');
}

/** The question `prune` asks on a terminal. */
export function pruneQuestion(
  count: number,
  byJob: Readonly<Record<string, number>>,
  t: Translate,
) {
  return t('ui.prune.confirm', { count, jobs: jobCounts(byJob) });
}

/** `prune`: what was (or would be) deleted. */
export function renderPrune(report: PruneReport, t: Translate): string {
  const params = { count: report.found, jobs: jobCounts(report.result.byJob) };
  switch (report.outcome) {
    case 'none':
      return t('ui.prune.none');
    case 'dryRun':
      return t('ui.prune.wouldDelete', params);
    case 'kept':
      return t('ui.prune.kept');
    case 'deleted':
      return t('ui.prune.done', { ...params, count: report.result.deleted });
  }
}

/** `run`/`rerun`: the run is queued (detached) or started. */
export function startedLine(run: Pick<RunRecord, 'id' | 'job'>, detached: boolean, t: Translate) {
  return t(detached ? 'ui.run.queued' : 'ui.run.started', { id: run.id, job: run.job });
}

/** A run's lines as a person reads them: stdout on stdout, the rest (marked) on stderr. */
export function splitLines(lines: readonly LogLine[]): { out: string; err: string } {
  let out = '';
  let err = '';
  for (const l of lines) {
    if (l.stream === 'stdout') out += `${l.line}\n`;
    else err += `${l.stream === 'system' ? '# ' : ''}${l.line}\n`;
  }
  return { out, err };
}

/** Write a run's lines to this process's stdout and stderr. */
export function writeLines(lines: readonly LogLine[]): void {
  const { out, err } = splitLines(lines);
  if (out) process.stdout.write(out);
  if (err) process.stderr.write(err);
}

/** "Run 42 succeeded with exit code 0." */
export function finishedLine(result: RunResult, t: Translate): string {
  const exit = result.exitCode === null ? '' : t('ui.run.exitCode', { code: result.exitCode });
  return t('ui.run.finished', { id: result.id, status: statusWord(result.status, t), exit });
}

/** What Ctrl-C says was done to a followed run. */
export function cancelNote(result: RunResult, t: Translate): string {
  return t('ui.run.finished', { id: result.id, status: statusWord(result.status, t), exit: '' });
}

/** One log line in `logs --json`. */
export interface JsonLogLine {
  seq: number;
  stream: LogLine['stream'];
  at: string;
  line: string;
}

export function toJsonLine(l: LogLine): JsonLogLine {
  return { seq: l.seq, stream: l.stream, at: l.at.toISOString(), line: l.line };
}

/** What `logs --json` returns: the run and its lines (`lines` stays the count). */
export interface LogsResult extends RunResult {
  log: JsonLogLine[];
}

/**
 * Where `logs` puts the lines: on stdout and stderr for a person (then how the run finished,
 * unless it is still going and not followed); with --json collected into the result, or with
 * --json --follow written at once, one JSON object per line.
 */
export function logsOutput(json: boolean, follow: boolean, t: Translate) {
  const log: JsonLogLine[] = [];
  const onLines = (lines: LogLine[]): void => {
    if (!json) writeLines(lines);
    else if (follow)
      process.stdout.write(lines.map((l) => `${JSON.stringify(toJsonLine(l))}\n`).join(''));
    else log.push(...lines.map(toJsonLine));
  };
  /** The result: with --json and no --follow, the lines too. */
  const finish = (run: RunResult): RunResult | LogsResult => {
    if (!json && (follow || isFinished(run.status as RunStatus)))
      process.stderr.write(`${finishedLine(run, t)}\n`);
    return json && !follow ? { ...run, log } : run;
  };
  return { onLines, finish };
}

/** How command `id` opens the runner: named for whoever must wait, logging when it waits. */
export function openOptions(
  id: string | undefined,
  dataDir: string,
  logger: Logger,
  t: Translate,
): OpenRunnerOptions {
  return {
    command: `job-runner ${id ?? ''}`.trim(),
    onWait: (holder) => logger.info(waitingLine(holder, dataDir, t)),
  };
}

/** Log lines of one retention pass: the runs deleted (when any), or why it failed. */
function retentionLines(log: (line: string) => void, t: Translate) {
  return (deleted: number | Error): void => {
    if (deleted instanceof Error) log(deleted.message);
    else if (deleted > 0) log(t('log.retentionDeleted', { count: deleted }));
  };
}

/** What `serve` logs as it goes. */
export function serveEvents(logger: Logger, t: Translate): ServeEvents {
  return {
    listening: (url) => logger.info(t('log.listening', { url })),
    stopped: () => logger.info(t('log.stopped')),
    warn: (message) => logger.warn(message),
    retention: retentionLines((line) => logger.info(line), t),
  };
}

/** What `worker` logs as it goes. */
export function workerEvents(logger: Logger, t: Translate): WorkerEvents {
  return {
    started: (concurrency) => logger.info(t('log.workerStarted', { concurrency })),
    stopped: () => logger.info(t('log.workerStopped')),
    warn: (message) => logger.warn(message),
    debug: (message) => logger.debug(message),
    retention: retentionLines((line) => logger.info(line), t),
  };
}

/**
 * How `run` and `rerun` show a followed run: "started" on stderr ("queued" on stdout when
 * detached), its lines as they come, then how it finished; nothing but the result with --json.
 */
export function followOutput(json: boolean, t: Translate) {
  return {
    onStarted: (run: RecordRef, detached: boolean): void => {
      if (json) return;
      if (detached) process.stdout.write(`${startedLine(run, true, t)}\n`);
      else process.stderr.write(`${startedLine(run, false, t)}\n`);
    },
    onLines: (lines: LogLine[]): void => {
      if (!json) writeLines(lines);
    },
    onFinished: (result: RunResult): void => {
      if (!json) process.stderr.write(`${finishedLine(result, t)}\n`);
    },
    cancelNote: (result: RunResult): string => cancelNote(result, t),
  };
}

type RecordRef = Pick<RunRecord, 'id' | 'job'>;

/** Warnings on stderr for a person; with --json they are part of the result instead. */
export function writeWarnings(lines: readonly string[], json: boolean): void {
  if (!json) for (const line of lines) process.stderr.write(`${line}\n`);
}
