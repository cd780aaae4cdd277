import { Flags } from '@oclif/core';
import { BaseCommand, configError } from '@toolbelt/cli-kit';
import { ToolbeltError } from '@toolbelt/errors';
import { askDate } from '../ask-date.js';
import { buildDeps } from '../build-deps.js';
import { readConfig } from '../config.js';
import { daysBetween, parseDay } from '../core/dates.js';
import { catalogs } from '../i18n/catalog.js';
import { processDays, type ProcessResult, type Say } from '../process-days.js';

/** `--json` result: the days processed, or `exited` when the prompt was quit. */
export type RunResult = ProcessResult & { exited: boolean };

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
  static override exitCodes = [
    'OK',
    'PARTIAL',
    'USAGE',
    'DATA',
    'UNAVAILABLE',
    'INTERNAL',
    'TEMPFAIL',
    'AUTH',
    'CONFIG',
  ] as const;
  static override catalogs = catalogs;
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
    'dry-run': Flags.boolean({
      summary: 'Fetch and validate only: print what would be loaded; no database, report or mail.',
    }),
  };

  async run(): Promise<RunResult> {
    const say: Say = (key, params) => String(this.t(key, params));
    const { config, problems } = readConfig(this.env, this.flags);
    if (problems.length > 0) throw configError(problems, this.envFile ?? '.env');
    const days = await this.chooseDays(say);
    if (days.length === 0) {
      this.logger.info(say('log.exit'));
      return { dryRun: this.flags['dry-run'], days: [], exited: true };
    }
    const deps = await buildDeps(config, this.env, {
      say,
      logger: this.logger,
      now: () => new Date(),
    });
    const result = await processDays(deps, {
      days,
      testMode: this.flags['test-mode'],
      reset: this.flags.reset,
      dryRun: this.flags['dry-run'],
    });
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

  /** --date, --from/--to, or the prompt; empty when the person typed exit. */
  private async chooseDays(say: Say): Promise<string[]> {
    const { date, from, to } = this.flags;
    const day = (flag: string, value: string): string => {
      const parsed = parseDay(value);
      if (!parsed)
        throw new ToolbeltError('USAGE', `${flag} must be a date YYYY-MM-DD, got "${value}"`, {
          key: 'errors.badDate',
          params: { flag, value },
        });
      return parsed;
    };
    if (from !== undefined && to !== undefined) {
      if (this.flags['source-file'])
        throw new ToolbeltError('USAGE', '--source-file holds one day: use it with --date', {
          key: 'errors.sourceFileRange',
        });
      const [first, last] = [day('--from', from), day('--to', to)];
      if (first > last)
        throw new ToolbeltError('USAGE', `--from (${first}) is after --to (${last})`, {
          key: 'errors.dateOrder',
          params: { from: first, to: last },
        });
      return daysBetween(first, last);
    }
    if (date !== undefined) return [day('--date', date)];
    const asked = await askDate(say, this.jsonEnabled() ? { output: process.stderr } : {});
    return asked ? [asked] : [];
  }
}
