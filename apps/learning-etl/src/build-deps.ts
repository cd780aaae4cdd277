import type { Logger } from '@toolbelt/log';
import { openReportStore } from './adapters/report-store.js';
import { openSourceFile } from './adapters/source-file.js';
import { openStatistics, statisticsUrl } from './adapters/statistics-api.js';
import type { LearningEtlConfig } from './config.js';
import type { ProcessDeps, Say } from './process-days.js';

/** The one place that picks adapters for a run. */
export async function buildDeps(
  config: LearningEtlConfig,
  env: Readonly<Record<string, string | undefined>>,
  context: { say: Say; logger: Logger; now: () => Date; signal?: AbortSignal },
): Promise<ProcessDeps> {
  const { say, logger } = context;
  if (config.clientKey) logger.redactor.add(config.clientKey);
  let recipients: string[] = [];
  if (config.email) {
    const { recipientsFromEnv } = await import('@toolbelt/notify');
    recipients = recipientsFromEnv(env, ['MAIL_TO']);
  }
  return {
    say,
    logger,
    async openSource(_day, window) {
      if (config.sourceFile) {
        logger.info(say('log.sourceFile', { file: config.sourceFile }));
        return openSourceFile(config.sourceFile);
      }
      const api = {
        url: config.apiUrl,
        client: config.client ?? '',
        clientKey: config.clientKey ?? '',
      };
      const shown = statisticsUrl(api, window);
      logger.info(
        say('log.request', {
          url: `${shown.origin}${shown.pathname}`,
          start: window.start,
          end: window.end,
        }),
      );
      return openStatistics(
        {
          ...api,
          timeoutMs: config.timeoutMs,
          retry: { retries: config.retries, baseDelayMs: config.retryDelayMs },
          onRetry: (attempt, reason) =>
            logger.warn(say('log.retry', { attempt: attempt + 1, reason })),
        },
        window,
      );
    },
    async openDatabase() {
      const { openDatabase, waitingParams } = await import('@toolbelt/db');
      // One process at a time on the embedded folder: a second run waits for the first.
      return openDatabase({
        ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
        dataDir: config.dataDir,
        command: 'learning-etl',
        wait: config.wait,
        ...(context.signal ? { signal: context.signal } : {}),
        onWait: (holder) => logger.info(say('db:waiting', waitingParams(holder, config.dataDir))),
      });
    },
    ...(config.report === null
      ? {}
      : { openReport: () => openReportStore({ ref: config.report ?? '', env }) }),
    ...(config.email
      ? {
          openMailer: async () => {
            const { mailerFromEnv } = await import('@toolbelt/notify');
            return mailerFromEnv(env);
          },
        }
      : {}),
    recipients,
    today: () => localDay(context.now()),
  };
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
