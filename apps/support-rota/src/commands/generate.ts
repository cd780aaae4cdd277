import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { errorCodes } from '@toolbelt/errors';
import { Flags } from '@oclif/core';
import { BaseCommand, promptConfirm, requireInteractive, type Progress } from '@toolbelt/cli-kit';
import { acquireLock, lockCatalog, type Lock, type LockHolder } from '@toolbelt/lock';
import { readHolidays } from '../adapters/holidays-file.js';
import { buildDeps } from '../build-deps.js';
import { catalogs } from '../i18n/catalog.js';
import { createI18n } from '@toolbelt/i18n';
import { renderResult } from '../render.js';
import { runGenerate, type GenerateDeps, type GenerateResult } from '../run-generate.js';

/** Flags of `generate` (the English help; Russian in src/i18n/help-ru.ts). */
const flags = {
  config: Flags.string({
    char: 'c',
    summary: 'Rota config file, YAML or JSON (default ./rota.yaml, ./rota.yml or ./rota.json).',
  }),
  start: Flags.string({ summary: 'First day of the rota, YYYY-MM-DD (date_range.start_date).' }),
  cycles: Flags.integer({
    summary: 'Number of cycles; one cycle = one working day per person (date_range.n_cycles).',
  }),
  'start-with': Flags.string({
    summary: 'Group that leads first in each cycle (support_team.start_cycle_with).',
  }),
  calendar: Flags.string({
    summary: 'Google calendar: a name from calendar.calendar_ids or a calendar id.',
  }),
  ics: Flags.string({
    summary:
      'Write the rota to this .ics file (the default when no Google calendar is set; an extra export otherwise).',
  }),
  seed: Flags.integer({
    summary: 'Seed of the shuffles, to reproduce a rota (default: derived from the settings).',
  }),
  holidays: Flags.string({
    summary:
      'Days off besides weekends: an .ics file, a JSON list of dates, or "england-and-wales".',
  }),
  'report-dir': Flags.string({
    summary: 'Write config-report.json and days-worked.json into this folder.',
  }),
  'dry-run': Flags.boolean({
    summary: 'Print the calendar changes (insert/update/delete per day) without writing.',
  }),
  'no-wait': Flags.boolean({
    summary:
      'When another run is writing the same .ics file, fail (exit 75) instead of waiting for it.',
  }),
  'replace-all': Flags.boolean({
    summary:
      "The original's behaviour: delete every event from the start date on (any owner), then write the rota.",
  }),
  yes: Flags.boolean({
    char: 'y',
    summary: 'Do not ask for confirmation (needed for --replace-all without a terminal).',
  }),
};

function interruptSignal(command: object): { signal?: AbortSignal } {
  const signal = (command as { interrupt?: AbortController }).interrupt?.signal;
  return signal ? { signal } : {};
}

/** Locks each file (sorted, so two runs never wait in a circle); returns the release. */
async function lockIcsFiles(
  files: readonly string[],
  options: {
    command: string;
    wait: boolean;
    onWait: (holder: LockHolder, target: string) => void;
    signal?: AbortSignal;
  },
): Promise<() => Promise<void>> {
  const held: Lock[] = [];
  const release = async (): Promise<void> => {
    for (const lock of held.splice(0).reverse()) await lock.release();
  };
  try {
    for (const file of [...new Set(files)].sort()) {
      // The lock file sits next to the .ics: a first run into a new folder makes the folder
      // (when that is refused, acquireLock reports it as IOERR).
      await mkdir(dirname(resolve(file)), { recursive: true }).catch(() => undefined);
      held.push(
        await acquireLock(file, {
          command: options.command,
          wait: options.wait,
          onWait: (holder) => options.onWait(holder, file),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
    }
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}

export default class Generate extends BaseCommand<typeof Generate> {
  static override summary = 'Plan the support rota and write it to the calendar.';
  static override description =
    'Pairs a lead from one group with an assist from the other for every working day, fairly and reproducibly, and writes the rota to a Google calendar or an .ics file. Only events this rota wrote are inserted, updated or deleted; a second identical run writes nothing.';
  static override flags = flags;
  static override exitCodes = errorCodes;
  static override catalogs = { ...catalogs, lock: lockCatalog };
  static override examples = [
    '<%= config.bin %> <%= command.id %> --config examples/support-rota/rota.yaml --ics rota.ics',
    '<%= config.bin %> <%= command.id %> --config rota.yaml --calendar prod --holidays england-and-wales --dry-run',
    '<%= config.bin %> <%= command.id %> --config rota.yaml --start 2025-01-06 --cycles 8 --seed 42 --report-dir docs',
    '<%= config.bin %> <%= command.id %> --config rota.yaml --calendar dev-1 --replace-all --yes',
  ];

  async run(): Promise<GenerateResult> {
    const f = this.flags;
    // zod and js-yaml load only when a run gets this far.
    const { defaultSeed, loadSettings } = await import('../load-settings.js');
    const { settings, resolvePath } = await loadSettings(
      f.config,
      {
        start: f.start,
        cycles: f.cycles,
        startWith: f['start-with'],
        calendar: f.calendar,
        ics: f.ics,
        seed: f.seed,
        holidays: f.holidays,
        reportDir: f['report-dir'],
      },
      this.i18n,
    );
    // Settle how --replace-all gets its consent before any calendar call.
    if (f['replace-all'] && !f.yes && !f['dry-run']) requireInteractive('--yes');
    // Adapter errors carry keys of the google namespace: add it now that the package loads.
    const { googleCatalog } = await import('@toolbelt/google');
    this.i18n = createI18n({
      lang: this.lang,
      namespaces: { ...catalogs, google: googleCatalog, lock: lockCatalog },
    });
    this.t = this.i18n.t;
    const source = settings.holidays?.source ?? 'flag';
    const holidays = settings.holidays
      ? await readHolidays(settings.holidays.path, (p) => resolvePath(p, source), {
          code: source === 'flag' ? 'USAGE' : 'CONFIG',
        })
      : new Set<string>();
    const seed = settings.seed ?? defaultSeed(settings);
    const built = await buildDeps(settings, {
      env: this.env,
      resolvePath,
      now: this.now,
      confirmReplaceAll: (counts) =>
        promptConfirm({
          message: this.t('confirm.replaceAll', {
            ...counts,
            write: counts.insert + counts.update,
            start: settings.start,
            location:
              settings.calendar.kind === 'google' ? settings.calendar.name : settings.calendar.path,
          }),
          flag: '--yes',
        }),
      onRetry: (info) =>
        this.logger.warn(
          this.t('log.retry', { ...info, status: info.status ?? '', reason: info.reason ?? '' }),
        ),
    });
    // Calendar writes on a bar: on a terminal only, never with --json; after the confirmation.
    let bar: Progress | undefined;
    const deps: GenerateDeps = {
      ...built,
      progress: {
        start: async (total) => {
          bar = await this.startProgress({ label: this.t('progress.events'), total });
        },
        advance: (n) => bar?.tick(n),
        stop: () => bar?.stop(),
      },
    };
    // One writer per .ics file: a second run on the same file waits (or, with --no-wait,
    // exits 75 naming the holder) from before it reads the file until this one has written.
    const release = f['dry-run']
      ? async () => undefined
      : await lockIcsFiles(
          [deps.calendar, ...(deps.icsExport ? [deps.icsExport] : [])]
            .filter((sink) => sink.kind === 'ics')
            .map((sink) => sink.location),
          {
            command: 'support-rota generate',
            wait: !f['no-wait'],
            onWait: (holder, target) =>
              this.logger.warn(this.t('lock:waiting', { ...holder, target })),
            ...interruptSignal(this),
          },
        );
    const result = await runGenerate(deps, {
      settings,
      holidays,
      seed,
      dryRun: f['dry-run'],
      replaceAll: f['replace-all'],
      yes: f.yes,
    }).finally(release);
    this.logger.info(this.t('log.planned', { days: result.dateRange.totalDays, seed }));
    if (!this.jsonEnabled()) this.log(renderResult(result, this.t));
    const failed = result.calendar.failed.length + (result.icsExport?.failed.length ?? 0);
    if (failed > 0) {
      this.logger.error(this.t('errors.partial', { failed }));
      this.setExitCode('PARTIAL');
    }
    return result;
  }
}
