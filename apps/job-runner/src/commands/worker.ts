import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, openOptions, workerEvents } from '../render.js';
import { runWorker } from '../run-worker.js';
import { readWorkerSettings, retentionFlags, runnerFlags, settingsOrThrow } from '../settings.js';

export default class Worker extends BaseCommand<typeof Worker> {
  static override summary =
    'Execute queued runs from PostgreSQL (any number of workers, any machines).';
  static override flags = {
    ...runnerFlags,
    ...retentionFlags,
    concurrency: Flags.integer({
      summary: 'Runs executed at the same time.',
      default: 2,
      min: 1,
      max: 64,
    }),
  };
  static override examples = [
    'DATABASE_URL=postgres://... <%= config.bin %> worker --concurrency 4 --jobs-dir jobs',
  ];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'AUTH', 'UNAVAILABLE', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Ctrl-C is how it is stopped: it shuts down by itself, with exit 0.
  static override cancelOnInterrupt = false;

  async run(): Promise<{ stopped: boolean }> {
    const settings = settingsOrThrow(readWorkerSettings(this.flags, this.env));
    const open = openOptions(this.id, settings.runner.dataDir, this.logger, this.t);
    return runWorker(settings, { now: this.now, open }, workerEvents(this.logger, this.t));
  }
}
