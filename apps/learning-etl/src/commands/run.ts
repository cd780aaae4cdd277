import { Flags } from '@oclif/core';
import { BaseCommand, checkInputFile, configError, requireInteractive } from '@toolbelt/cli-kit';
import { dbCatalog, lockCatalog } from '@toolbelt/db';
import { ToolbeltError, errorCodes } from '@toolbelt/errors';
import { createI18n } from '@toolbelt/i18n';
import { askDate } from '../ask-date.js';
import { buildDeps } from '../build-deps.js';
import { englishProblem, readConfig } from '../config.js';
import { chooseDays } from '../core/dates.js';
import { catalogs } from '../i18n/catalog.js';
import { processDays, type ProcessResult, type Say } from '../process-days.js';

/** `--json` result: the days processed, or `exited` when the prompt was quit. */
export type RunResult = ProcessResult & { exited: boolean };

/** English messages of the date-flag mistakes (logs and --json); the catalog has both languages. */
const usageMessages = {
  badDate: (p: Record<string, string>) => `${p.flag} must be a date YYYY-MM-DD, got "${p.value}"`,
  dateOrder: (p: Record<string, string>) => `--from (${p.from}) is after --to (${p.to})`,
  sourceFileRange: () => '--source-file holds one day: use it with --date, not --from/--to',
};

export default class Run extends BaseCommand<typeof Run> {
  static override summary =
    'Load a day of learning activity from the statistics API into PostgreSQL, report the stats and e-mail them.';
  static override description =
    'Fetches the day (or, with --test-mode, its first hour), validates every record, replaces that day in lms_activities by COPY in one transaction, computes the statistics, writes them to the report spreadsheet and e-mails MAIL_TO. Without a date it asks for one on a terminal.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --date 2023-05-31',
    '<%= config.bin %> <%= command.id %> --from 2023-05-01 --to 2023-05-31 --no-email',
    '<%= config.bin %> <%= command.id %> --date 2023-05-31 --source-file examples/learning-etl/api-response-2023-05-31.json --no-email',
    '<%= config.bin %> <%= command.id %> --date 2023-05-31 --test-mode --dry-run --lang ru',
  ];
  static override exitCodes = errorCodes;
  static override catalogs = { ...catalogs, db: dbCatalog, lock: lockCatalog };
  static override flags = {
    date: Flags.string({
      summary: 'Day to process, YYYY-MM-DD (asked for on a terminal when omitted).',
      exclusive: ['from', 'to'],
    }),
    from: Flags.string({ summary: 'First day of a backfill, YYYY-MM-DD.', dependsOn: ['to'] }),
    to: Flags.string({
      summary: 'Last day of a backfill, YYYY-MM-DD (included).',
      dependsOn: ['from'],
    }),
    'test-mode': Flags.boolean({
      summary: 'Request only the first hour of the day (the original TEST_APP_MODE).',
    }),
    reset: Flags.boolean({
      summary:
        'Empty the whole lms_activities table first (the original DB_MAIN_TABLE_OPEN_RESET).',
    }),
    'source-file': Flags.string({
      summary: 'Load a saved API response (JSON array) instead of calling the API.',
    }),
    report: Flags.string({
      summary:
        'Report spreadsheet: Google Sheets id or URL, or an .xlsx path (env REPORT_SPREADSHEET_ID; default reports/learning-report.xlsx).',
    }),
    'no-report': Flags.boolean({ summary: 'Do not write the report.', exclusive: ['report'] }),
    'no-email': Flags.boolean({ summary: 'Do not send the notification e-mail.' }),
    'no-wait': Flags.boolean({
      summary:
        'Fail at once (exit 75, naming the holder) when another run has the data folder open, instead of waiting for it.',
    }),
    'dry-run': Flags.boolean({
      summary: 'Fetch and validate only: print what would be loaded; no database, report or mail.',
    }),
  };

  async run(): Promise<RunResult> {
    const say: Say = (key, params) => String(this.t(key, params));
    // Flag mistakes first, then settings, and only then a prompt: nobody types a date for nothing.
    const fromFlags = this.daysFromFlags();
    // A saved response that cannot be read is named now, in the words of every tool.
    const sourceFile = this.flags['source-file'];
    if (sourceFile !== undefined) checkInputFile(sourceFile);
    // No date and no terminal to ask on: say so first, before any setting is looked at.
    if (fromFlags === undefined) requireInteractive('--date');
    const { config, problems } = readConfig(this.env, this.flags);
    // The recipients are settings too: checked with the rest, before any work (dry runs too).
    // So are the mail server's (SMTP_*, GMAIL_*, MAIL_FROM), told with notify's catalog.
    const mailProblems: { text: string; english: string }[] = [];
    if (config.email) {
      const notify = await import('@toolbelt/notify');
      if (this.env.MAIL_TO?.trim())
        for (const value of notify.parseRecipients(this.env.MAIL_TO).invalid)
          problems.push({ key: 'mailTo', params: { value } });
      const { t } = createI18n({ lang: this.lang, namespaces: { notify: notify.notifyCatalog } });
      for (const p of notify.mailSettingsFromEnv(this.env).settingProblems)
        mailProblems.push({ text: t(p.key, p.params), english: notify.englishProblem(p) });
    }
    if (problems.length > 0 || mailProblems.length > 0) {
      for (const problem of problems) this.logger.debug(englishProblem(problem));
      for (const problem of mailProblems) this.logger.debug(problem.english);
      throw configError(
        [
          ...problems.map((p) => say(`settings.${p.key}`, p.params)),
          ...mailProblems.map((p) => p.text),
        ],
        this.envFile ?? '.env',
      );
    }
    const days = fromFlags ?? (await this.askDays(say));
    if (days.length === 0) {
      this.logger.info(say('log.exit'));
      return { dryRun: this.flags['dry-run'], days: [], exited: true };
    }
    const deps = await buildDeps(config, this.env, {
      say,
      logger: this.logger,
      now: this.now,
      signal: this.interrupt.signal,
    });
    // Days and records on a bar, on a terminal only (never with --json or --quiet).
    const bar = await this.startProgress({
      label: say('progress.days'),
      total: days.length,
      counters: [{ name: 'records', label: say('progress.records') }],
    });
    // Ctrl-C says which days are in (each day loads in one transaction) and which are not.
    let daysDone = 0;
    this.cancelNote = () =>
      this.flags['dry-run']
        ? say('cancel.dryRun', { done: daysDone, total: days.length })
        : daysDone === 0
          ? say('cancel.none', { first: days[0] })
          : say('cancel.some', {
              done: daysDone,
              total: days.length,
              last: days[daysDone - 1],
              next: days[daysDone] ?? '',
            });
    deps.progress = {
      dayDone: () => {
        daysDone++;
        bar.tick();
      },
      records: (n) => bar.count?.('records', n),
    };
    const result = await processDays(deps, {
      days,
      testMode: this.flags['test-mode'],
      reset: this.flags.reset,
      dryRun: this.flags['dry-run'],
    }).finally(() => bar.stop());
    if (!this.jsonEnabled()) {
      for (const day of result.days) {
        const params = {
          ...day,
          defects: day.withDefects,
          report: say(day.reportUpdated ? 'summary.updated' : 'summary.notUpdated'),
          mails: day.mailed,
        };
        this.log(say(result.dryRun ? 'summary.dryDay' : 'summary.day', params));
      }
    }
    if (result.days.some((day) => day.problems.length > 0)) this.setExitCode('PARTIAL');
    return { ...result, exited: false };
  }

  /** The days --date or --from/--to name; undefined when neither is given (ask). */
  private daysFromFlags(): string[] | undefined {
    const { date, from, to } = this.flags;
    const choice = chooseDays({
      date,
      from,
      to,
      sourceFile: this.flags['source-file'] !== undefined,
    });
    if (choice.kind === 'invalid') {
      throw new ToolbeltError('USAGE', usageMessages[choice.key](choice.params), {
        key: `errors.${choice.key}`,
        params: choice.params,
      });
    }
    return choice.kind === 'days' ? choice.days : undefined;
  }

  /** The prompt (a terminal only); empty when the person typed exit. */
  private async askDays(say: Say): Promise<string[]> {
    const asked = await askDate(say, this.jsonEnabled() ? { output: process.stderr } : {});
    return asked ? [asked] : [];
  }
}
