import { writeFileAtomic } from '@toolbelt/lock';
import { join, resolve } from 'node:path';
import type { CalendarSink } from '@toolbelt/google';
import type { Env } from '@toolbelt/cli-kit';
import type { RotaSettings } from './core/settings.js';
import type { DiffCounts, GenerateDeps } from './run-generate.js';

/** What `buildDeps` needs besides the settings. */
export interface BuildDepsOptions {
  env: Env;
  /** Resolves a path as written in the settings (config-relative or cwd-relative). */
  resolvePath: (path: string, source: string) => string;
  confirmReplaceAll: (counts: DiffCounts) => Promise<boolean>;
  /** The run's clock (`TOOLBELT_NOW` or the system's): the `.ics` DTSTAMP of written events. */
  now?: () => Date;
  /** Told before each Google retry wait (logging). */
  onRetry?: (info: {
    method: string;
    attempt: number;
    delayMs: number;
    status: number | undefined;
    reason: string | undefined;
  }) => void;
}

/** The one place that picks adapters: Google calendar or `.ics` file, report folder. */
export async function buildDeps(
  settings: RotaSettings,
  options: BuildDepsOptions,
): Promise<GenerateDeps> {
  // Loaded only when a run needs a sink, so --help and usage errors stay fast.
  const google = await import('@toolbelt/google');
  let calendar: CalendarSink;
  if (settings.calendar.kind === 'google') {
    const rootUrl = options.env.GOOGLE_API_ROOT_URL;
    calendar = google.createGoogleCalendarSink({
      calendarId: settings.calendar.id,
      auth: google.resolveGoogleAuth(options.env),
      ...(rootUrl ? { rootUrl } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
  } else {
    calendar = google.createIcsCalendarSink({
      path: options.resolvePath(settings.calendar.path, settings.calendar.source),
      name: settings.name,
      ...(options.now ? { now: options.now } : {}),
    });
  }
  const icsExport = settings.icsExport
    ? google.createIcsCalendarSink({
        path: options.resolvePath(settings.icsExport.path, settings.icsExport.source),
        name: settings.name,
        ...(options.now ? { now: options.now } : {}),
      })
    : undefined;
  const reportDir = settings.reportDir
    ? resolve(options.resolvePath(settings.reportDir.path, settings.reportDir.source))
    : undefined;
  return {
    calendar,
    ...(icsExport ? { icsExport } : {}),
    ...(reportDir
      ? {
          // Whole file or nothing; a read-only or full folder is IOERR (74) naming the file.
          writeReport: async (name: string, data: unknown) => {
            const path = join(reportDir, name);
            await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
            return path;
          },
        }
      : {}),
    confirmReplaceAll: options.confirmReplaceAll,
  };
}
