import type { PromptIO } from '@toolbelt/cli-kit';
import { localDate } from '@toolbelt/dates';
import type { Env } from '@toolbelt/i18n';
import type { Logger } from '@toolbelt/log';
import { createActivityStore } from './adapters/activities-table.js';
import { askDate, type DatePromptTexts } from './adapters/date-prompt.js';
import { readJsonArrayBatches } from './adapters/record-stream.js';
import { openReportStore } from './adapters/report-store.js';
import { openSourceFile } from './adapters/source-file.js';
import { openStatistics, statisticsUrl } from './adapters/statistics-api.js';
import { requestWindow } from './core/dates.js';
import type { RunDeps, RunLog, RunProgress, RunTexts } from './run-run.js';
import { notifyOptions, type RunSettings } from './settings.js';

/** What `buildDeps` needs besides the settings: the run's clock, words and views. */
export interface BuildDepsContext {
  env: Env;
  logger: Logger;
  log: RunLog;
  progress: RunProgress;
  texts: RunTexts;
  prompt: DatePromptTexts;
  /** Where the prompt writes (stderr with --json, so that stdout stays the result). */
  promptIO: PromptIO;
  now: () => Date;
  signal: AbortSignal;
}

/** The one place that picks adapters for a run. */
export function buildDeps(settings: RunSettings, context: BuildDepsContext): RunDeps {
  const { env, log } = context;
  if (settings.clientKey) context.logger.redactor.add(settings.clientKey);
  const { report } = settings;
  return {
    async openRecords(day, testMode) {
      const window = requestWindow(day, testMode);
      if (settings.sourceFile) {
        log.line('info', 'log.sourceFile', { file: settings.sourceFile });
        return readJsonArrayBatches(await openSourceFile(settings.sourceFile));
      }
      const api = { url: settings.apiUrl, client: settings.client, clientKey: settings.clientKey };
      const shown = statisticsUrl(api, window);
      const url = `${shown.origin}${shown.pathname}`;
      log.line('info', 'log.request', { url, start: window.start, end: window.end });
      const bytes = await openStatistics(
        {
          ...api,
          timeoutMs: settings.timeoutMs,
          retry: { retries: settings.retries, baseDelayMs: settings.retryDelayMs },
          onRetry: (attempt, reason) =>
            log.line('warn', 'log.retry', { attempt: attempt + 1, reason }),
        },
        window,
      );
      return readJsonArrayBatches(bytes);
    },
    async openStore() {
      const { openDatabase, waitingParams } = await import('@toolbelt/db');
      // One process at a time on the embedded folder: a second run waits for the first.
      const db = await openDatabase({
        url: settings.databaseUrl,
        dataDir: settings.dataDir,
        command: 'learning-etl',
        wait: settings.wait,
        signal: context.signal,
        onWait: (holder) => log.waiting(waitingParams(holder, settings.dataDir)),
      });
      return createActivityStore(db);
    },
    openReport: report === null ? undefined : () => openReportStore({ ref: report, env }),
    openNotifier: settings.email
      ? async () => (await import('@toolbelt/notify')).createNotifier(env, notifyOptions)
      : undefined,
    askDay: () => askDate(context.prompt, context.promptIO),
    today: () => localDate(context.now()),
    texts: context.texts,
    log,
    progress: context.progress,
  };
}
