import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, openOptions, serveEvents } from '../render.js';
import { runServe } from '../run-serve.js';
import { readServeSettings, retentionFlags, runnerFlags, settingsOrThrow } from '../settings.js';

export default class Serve extends BaseCommand<typeof Serve> {
  static override summary = 'Serve the web UI: jobs, forms, live logs, history.';
  static override description =
    'Binds to 127.0.0.1 by default. On any other address a login with JOB_RUNNER_TOKEN is required. Requests are answered only under the bound address, localhost and the --allowed-host names (DNS rebinding). With PostgreSQL (DATABASE_URL) runs are queued for job-runner worker processes; with the embedded database this process executes them.';
  static override flags = {
    ...runnerFlags,
    ...retentionFlags,
    host: Flags.string({ summary: 'Address to listen on.', default: '127.0.0.1' }),
    'allowed-host': Flags.string({
      summary:
        'Another name the UI is reached by (a proxy or DNS name); repeatable. Also JOB_RUNNER_ALLOWED_HOSTS.',
      multiple: true,
    }),
    port: Flags.integer({
      summary: 'Port to listen on (0: any free port).',
      default: 8080,
      min: 0,
      max: 65535,
    }),
  };
  static override examples = [
    '<%= config.bin %> serve --jobs-dir examples/jobs',
    'JOB_RUNNER_TOKEN=... <%= config.bin %> serve --host 0.0.0.0 --port 8080',
  ];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'UNAVAILABLE', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Ctrl-C is how it is stopped: it shuts down by itself, with exit 0.
  static override cancelOnInterrupt = false;

  async run(): Promise<{ url: string }> {
    const settings = settingsOrThrow(readServeSettings(this.flags, this.env));
    const open = openOptions(this.id, settings.runner.dataDir, this.logger, this.t);
    const ui = { t: this.t, lang: this.lang, now: this.now, open };
    return runServe(settings, ui, serveEvents(this.logger, this.t));
  }
}
