import type { Database } from '@toolbelt/db';
import { ToolbeltError, isToolbeltError } from '@toolbelt/errors';
import type { SheetStore } from '@toolbelt/google';
import type { Logger } from '@toolbelt/log';
import type { Mailer } from '@toolbelt/notify';
import { checkRecord, type ActivityRow, type Defect } from './core/activity.js';
import { requestWindow, type RequestWindow } from './core/dates.js';
import { planReport, type ReportLabels } from './core/report.js';
import { computeStats, type DayCounts, type DayStats } from './core/stats.js';
import { ensureActivitiesTable, loadDay } from './adapters/activities-table.js';
import { readJsonArrayBatches } from './adapters/record-stream.js';

/** Translate a catalog key (the run's language). */
export type Say = (key: string, params?: Record<string, unknown>) => string;

/** The ports a run uses; `buildDeps` in the command picks the adapters. */
export interface ProcessDeps {
  say: Say;
  logger: Logger;
  /** The API response (or saved file) for a day's window, as bytes. Throws before any DB work. */
  openSource(day: string, window: RequestWindow): Promise<AsyncIterable<Uint8Array>>;
  openDatabase(): Promise<Database>;
  /** Undefined with --no-report. */
  openReport?: () => Promise<SheetStore>;
  /** Undefined with --no-email. */
  openMailer?: () => Promise<Mailer>;
  recipients: readonly string[];
  /** Today's date `YYYY-MM-DD` (the report's last row). */
  today(): string;
  /** Told as days finish and records are read (a progress bar on a terminal). */
  progress?: {
    dayDone(): void;
    records(count: number): void;
  };
}

export interface ProcessOptions {
  days: readonly string[];
  testMode: boolean;
  /** Empty the whole table before the first day. */
  reset: boolean;
  dryRun: boolean;
}

/** What happened to one day. */
export interface DayResult {
  day: string;
  read: number;
  accepted: number;
  corrupt: number;
  /** Accepted records with at least one defect. */
  withDefects: number;
  /** Rows written (0 in a dry run). */
  loaded: number;
  /** Rows an earlier load of the day had written that were replaced (see `loadDay`). */
  replaced: number;
  counts: DayCounts;
  stats: DayStats | null;
  /** Why there are no stats: `noUsers` or `noSubmits`. */
  noStatsReason?: 'noUsers' | 'noSubmits';
  reportUpdated: boolean;
  reportLocation?: string;
  /** Recipients the notification reached. */
  mailed: number;
  /** Problems that did not stop the run (report or mail failures). */
  problems: string[];
}

export interface ProcessResult {
  dryRun: boolean;
  days: DayResult[];
}

const labelKeys = [
  'date',
  'users',
  'runs',
  'submits',
  'successes',
  'ratio',
  'avgSubmits',
  'avgSuccesses',
  'spacer',
  'today',
] as const;

/**
 * Runs the daily pipeline for each day in turn: fetch (with retries) -> validate -> load by
 * COPY in one transaction -> stats -> report -> e-mail. A source or database failure stops the
 * run with its error (no report, no mail for that day); report and mail failures are recorded
 * as problems of the day and the run goes on.
 */
export async function processDays(
  deps: ProcessDeps,
  options: ProcessOptions,
): Promise<ProcessResult> {
  const { say, logger } = deps;
  const results: DayResult[] = [];
  let db: Database | undefined;
  try {
    for (const [index, day] of options.days.entries()) {
      logger.info(say('log.start', { day }));
      const window = requestWindow(day, options.testMode);
      const source = await deps.openSource(day, window);
      const tally = { read: 0, accepted: 0, corrupt: 0, withDefects: 0 };
      let sourceError: unknown;
      const rows = validRows(source, deps, tally, (error) => (sourceError = error));
      const result: DayResult = {
        day,
        ...tally,
        loaded: 0,
        replaced: 0,
        counts: { users: 0, runs: 0, submits: 0, successes: 0 },
        stats: null,
        reportUpdated: false,
        mailed: 0,
        problems: [],
      };
      if (options.dryRun) {
        result.counts = await countRows(rows, day);
      } else {
        if (!db) {
          db = await deps.openDatabase();
          logger.info(say('log.database', { target: db.kind }));
          await ensureActivitiesTable(db);
        }
        const reset = options.reset && index === 0;
        try {
          const outcome = await loadDay(db, day, window, rows, {
            reset,
            testMode: options.testMode,
          });
          Object.assign(result, {
            loaded: outcome.loaded,
            replaced: outcome.replaced,
            counts: outcome.counts,
          });
        } catch (error) {
          // The source's own error (API stream cut, malformed JSON) says more than the COPY's.
          throw sourceError ?? error;
        }
        if (reset) logger.info(say('log.reset'));
      }
      Object.assign(result, tally);
      logger.log(
        tally.corrupt > 0 ? 'warn' : 'info',
        say('log.totals', { total: tally.read, accepted: tally.accepted, corrupt: tally.corrupt }),
      );
      if (!options.dryRun)
        logger.info(say('log.loaded', { loaded: result.loaded, replaced: result.replaced }));
      logger.info(say('log.stats', { day, ...result.counts }));

      const outcome = computeStats(result.counts);
      if (outcome.kind === 'ok') result.stats = outcome.stats;
      else {
        result.noStatsReason = outcome.reason;
        logger.warn(say('log.noStats', { day, reason: say(`reasons.${outcome.reason}`) }));
      }
      if (!options.dryRun) {
        await writeReport(deps, result);
        await sendMail(deps, result);
      }
      logger.info(say('log.finished', { day }));
      results.push(result);
      deps.progress?.dayDone();
    }
  } finally {
    await db?.close();
  }
  if (options.dryRun) logger.info(say('log.dryRun'));
  return { dryRun: options.dryRun, days: results };
}

/**
 * Validated rows of the response; counts and logs as it goes (nothing is kept).
 *
 * Not an async generator: that costs a promise and several microtask turns per row, ~0.5 s a
 * million rows here. Within a batch `next()` returns the result itself, which `for await` (the
 * way every `copyFrom` and `countRows` read rows) awaits like a resolved promise; only the
 * step to the next batch is asynchronous.
 */
function validRows(
  source: AsyncIterable<Uint8Array>,
  deps: ProcessDeps,
  tally: { read: number; accepted: number; corrupt: number; withDefects: number },
  onSourceError: (error: unknown) => void,
): AsyncIterable<ActivityRow> {
  const { say, logger } = deps;
  const messages = defectMessages(say);
  const fail = (error: unknown): never => {
    const wrapped = isToolbeltError(error)
      ? error
      : new ToolbeltError(
          'UNAVAILABLE',
          `The statistics API response broke off: ${(error as Error).message}`,
          {
            cause: error,
            key: 'errors.apiDown',
            params: { url: '', reason: (error as Error).message },
          },
        );
    onSourceError(wrapped);
    throw wrapped;
  };
  const done: IteratorResult<ActivityRow> = { done: true, value: undefined };
  return {
    [Symbol.asyncIterator]() {
      const batches = readJsonArrayBatches(source);
      let batch: readonly unknown[] = [];
      let index = 0;
      let finished = false;
      /** The next accepted row of the current batch, or undefined at its end. */
      const fromBatch = (): IteratorResult<ActivityRow> | undefined => {
        while (index < batch.length) {
          const record = batch[index++];
          const line = ++tally.read;
          const check = checkRecord(record);
          if (!check.accepted) {
            tally.corrupt++;
            // Per-line messages go to the log file; --verbose shows them on the console too.
            logger.debug(
              check.reason === 'badCreatedAt'
                ? messages.corruptCreatedAt({ line, value: check.value })
                : check.reason === 'nulCharacter'
                  ? messages.corruptNul({ line, field: check.field })
                  : messages.corrupt({ line }),
            );
            continue;
          }
          tally.accepted++;
          if (check.defects.length > 0) {
            tally.withDefects++;
            logger.debug(describeDefects(messages, line, check.defects));
          }
          return { done: false, value: check.row };
        }
        return undefined;
      };
      const next = (): IteratorResult<ActivityRow> | Promise<IteratorResult<ActivityRow>> => {
        const row = fromBatch();
        if (row) return row;
        if (finished) return done;
        return batches.next().then((step) => {
          if (step.done) {
            finished = true;
            return done;
          }
          batch = step.value;
          index = 0;
          deps.progress?.records(batch.length);
          return next();
        }, fail);
      };
      return {
        next: next as () => Promise<IteratorResult<ActivityRow>>,
        async return() {
          finished = true;
          await batches.return(undefined);
          return done;
        },
      };
    },
  };
}

/** A catalog message with its words looked up once; only the values change per call. */
type Message = (values: Record<string, string | number>) => string;

/**
 * Translate `key` once with markers in place of its parameters, then fill them in per call:
 * i18next costs ~15 µs a call, too much for one message per defective record of a million.
 */
function prepare(say: Say, key: string, names: readonly string[]): Message {
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]));
  const parts = say(key, markers).split('\u0000');
  return (values) => {
    let out = '';
    for (let i = 0; i < parts.length; i++)
      out += i % 2 === 1 ? String(values[names[Number(parts[i])] ?? ''] ?? '') : parts[i];
    return out;
  };
}

function defectMessages(say: Say) {
  return {
    corrupt: prepare(say, 'log.corrupt', ['line']),
    corruptCreatedAt: prepare(say, 'log.corruptCreatedAt', ['line', 'value']),
    corruptNul: prepare(say, 'log.corruptNul', ['field', 'line']),
    defects: prepare(say, 'log.defects', ['line']),
    missingField: prepare(say, 'log.missingField', ['field']),
    badCombination: prepare(say, 'log.badCombination', []),
    badValue: prepare(say, 'log.badValue', ['field', 'value']),
    badPassback: prepare(say, 'log.badPassback', ['reason']),
  };
}

/**
 * The original's one line per record: `line {n} there are errors:` and a marker per defect,
 * each after a space (`value of the field is missing: <key>`, `incorrect combination of
 * parameters: <is_correct>/<attempt_type>`, literally). `line` is the record's position in the
 * response, from 1.
 */
function describeDefects(
  messages: ReturnType<typeof defectMessages>,
  line: number,
  defects: readonly Defect[],
): string {
  let text = messages.defects({ line });
  for (const defect of defects) text += ` ${describeDefect(messages, defect)}`;
  return text;
}

function describeDefect(messages: ReturnType<typeof defectMessages>, defect: Defect): string {
  switch (defect.kind) {
    case 'missingField':
      return messages.missingField({ field: defect.field });
    case 'badCombination':
      return messages.badCombination({});
    case 'badValue':
      return messages.badValue({ field: defect.field, value: defect.value });
    case 'badPassback':
      return messages.badPassback({ reason: defect.reason });
  }
}

/** Dry run: the day's figures from the response itself (only user ids are kept, for the distinct count). */
async function countRows(rows: AsyncIterable<ActivityRow>, day: string): Promise<DayCounts> {
  const users = new Set<string>();
  const counts = { users: 0, runs: 0, submits: 0, successes: 0 };
  for await (const row of rows) {
    if (row[1]?.slice(0, 10) !== day) continue;
    users.add(row[0]);
    if (row[6] === 'run') counts.runs++;
    if (row[6] === 'submit') {
      counts.submits++;
      if (row[5] === true) counts.successes++;
    }
  }
  return { ...counts, users: users.size };
}

async function writeReport(deps: ProcessDeps, result: DayResult): Promise<void> {
  const { say, logger } = deps;
  if (!deps.openReport) {
    logger.info(say('log.reportSkipped'));
    return;
  }
  if (!result.stats) return;
  try {
    const store = await deps.openReport();
    result.reportLocation = store.location;
    const tab = (await store.listTabs())[0] ?? 'Report';
    await store.ensureTab(tab);
    const labels = labelKeys.map((key) => say(`report.labels.${key}`)) as unknown as ReportLabels;
    await store.write(planReport(tab, result.day, result.stats, labels, deps.today()));
    result.reportUpdated = true;
    logger.info(say('log.reportWritten', { location: store.location }));
  } catch (error) {
    const message = (error as Error).message;
    result.problems.push(`report: ${message}`);
    logger.error(say('log.reportFailed', { message }));
  }
}

async function sendMail(deps: ProcessDeps, result: DayResult): Promise<void> {
  const { say, logger } = deps;
  if (!deps.openMailer) {
    logger.info(say('log.mailSkipped'));
    return;
  }
  if (deps.recipients.length === 0) {
    logger.warn(say('log.mailNoRecipients'));
    return;
  }
  const text = result.reportUpdated
    ? say('mail.bodyUpdated', { link: result.reportLocation ?? '' })
    : say('mail.bodyNotUpdated');
  let mailer: Mailer | undefined;
  try {
    mailer = await deps.openMailer();
    const sent = await mailer.send({
      to: deps.recipients,
      subject: say('mail.subject', { day: result.day }),
      text,
    });
    for (const slice of sent) {
      if (slice.ok) result.mailed += slice.recipients.length;
      else {
        result.problems.push(`mail: ${slice.error.message}`);
        logger.error(
          say('log.mailFailed', {
            recipients: slice.recipients.join(', '),
            message: slice.error.message,
          }),
        );
      }
    }
    if (result.mailed > 0)
      logger.info(say('log.mailSent', { count: result.mailed, target: mailer.target }));
  } catch (error) {
    const message = (error as Error).message;
    result.problems.push(`mail: ${message}`);
    logger.error(say('log.mailFailed', { recipients: deps.recipients.join(', '), message }));
  } finally {
    await mailer?.close();
  }
}
