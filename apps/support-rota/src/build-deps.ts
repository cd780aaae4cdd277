import { join } from 'node:path';
import { promptConfirm, requireInteractive, type Env, type Progress } from '@toolbelt/cli-kit';
import type { Language } from '@toolbelt/i18n';
import { writeFileAtomic } from '@toolbelt/lock';
import { lockFiles } from './adapters/file-locks.js';
import { readHolidays } from './adapters/holidays-file.js';
import { messages } from './i18n/index.js';
import { replaceAllQuestion, retryLine, waitingLine } from './render.js';
import type { GenerateDeps } from './run-generate.js';
import { resolveSettingPath, type SettingPath, type Settings } from './settings.js';

/** What `buildDeps` needs from the command besides the settings. */
export interface BuildDepsContext {
  env: Env;
  lang: Language;
  /** Lock waits and Google retries are logged as warnings. */
  logger: { warn(message: string): void };
  /** The run's clock (`TOOLBELT_NOW` or the system's): the `.ics` DTSTAMP of written events. */
  now: () => Date;
  /** Aborted on Ctrl-C: stops a lock wait. */
  signal: AbortSignal;
  /** A progress bar on a terminal (a no-op elsewhere). */
  startProgress: (options: { label: string; total: number }) => Promise<Progress>;
}

/**
 * The one place that picks adapters: Google calendar or `.ics` file, holidays file, report
 * folder, lock files, the terminal prompt. Settles how `--replace-all` gets its consent and
 * reads the holidays before any calendar call.
 */
export async function buildDeps(
  settings: Settings,
  context: BuildDepsContext,
): Promise<GenerateDeps> {
  const { rota } = settings;
  const t = messages.translator(context.lang);
  if (settings.replaceAll && !settings.yes && !settings.dryRun) requireInteractive('--yes');
  const holidays = rota.holidays ? await holidaysOf(settings, rota.holidays) : new Set<string>();
  // Loaded only when a run needs a sink, so --help and usage errors stay fast.
  const google = await import('@toolbelt/google');
  const icsSink = (ref: SettingPath) =>
    google.createIcsCalendarSink({
      path: resolveSettingPath(settings, ref),
      name: rota.name,
      now: context.now,
    });
  const calendar =
    rota.calendar.kind === 'google'
      ? google.createGoogleCalendarSink({
          calendarId: rota.calendar.id,
          auth: google.resolveGoogleAuth(context.env),
          rootUrl: context.env.GOOGLE_API_ROOT_URL,
          onRetry: (info) => context.logger.warn(retryLine(info, t)),
        })
      : icsSink(rota.calendar);
  const reportDir = rota.reportDir ? resolveSettingPath(settings, rota.reportDir) : undefined;
  let bar: Progress | undefined;
  return {
    calendar,
    icsExport: rota.icsExport ? icsSink(rota.icsExport) : undefined,
    holidays,
    // Whole file or nothing; a read-only or full folder is IOERR (74) naming the file.
    writeReport: reportDir
      ? async (name, data) => {
          const path = join(reportDir, name);
          await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
          return path;
        }
      : undefined,
    confirmReplaceAll: (counts) =>
      promptConfirm({ message: replaceAllQuestion(counts, rota, t), flag: '--yes' }),
    lockFiles: (files) =>
      lockFiles(files, {
        command: 'support-rota generate',
        wait: settings.wait,
        onWait: (holder, target) => context.logger.warn(waitingLine(holder, target, context.lang)),
        signal: context.signal,
      }),
    // Calendar writes on a bar: on a terminal only, never with --json; after the confirmation.
    progress: {
      start: async (total) => {
        bar = await context.startProgress({ label: t('ui.progress'), total });
      },
      advance: (n) => bar?.tick(n),
      stop: () => bar?.stop(),
    },
  };
}

/**
 * The holidays named by `--holidays` or `holidays:`. A file that cannot be read is USAGE (64)
 * for a flag's file, CONFIG (78) for one named in the config file (relative to it).
 */
function holidaysOf(settings: Settings, ref: SettingPath): Promise<Set<string>> {
  return readHolidays(
    ref.path,
    (path) => resolveSettingPath(settings, { path, source: ref.source }),
    {
      code: ref.source === 'flag' ? 'USAGE' : 'CONFIG',
    },
  );
}
