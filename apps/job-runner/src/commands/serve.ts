import { Flags } from '@oclif/core';
import { retentionFlags, startRetentionSetting } from '../retention-setting.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';
import type { Runner } from '../runner.js';
import type { LoadedSchedule } from '../adapters/schedules-file.js';

export default class Serve extends RunnerCommand<typeof Serve> {
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
  // Ctrl-C is how it is stopped: it shuts down by itself, with exit 0.
  static override cancelOnInterrupt = false;

  private async startSchedules(
    runner: Runner,
    schedules: readonly LoadedSchedule[],
  ): Promise<{ stop(): Promise<void> }> {
    if (runner.mode === 'postgres') return { stop: async () => {} };
    const { startMinuteScheduler, waitReal } = await import('../scheduler.js');
    const { startRun } = await import('../runner.js');
    return startMinuteScheduler({
      schedules,
      now: () => new Date(),
      wait: waitReal,
      fire: async (schedule) => {
        await startRun(runner, {
          job: schedule.job,
          input: { ...schedule.params },
          startedBy: `schedule:${schedule.id}`,
          launch: 'spawn',
        });
      },
      report: (schedule, error) =>
        this.logger.warn(`schedule ${schedule.id}: ${(error as Error).message ?? String(error)}`),
    });
  }

  async run(): Promise<{ url: string }> {
    // Listen for the stop signals first: a SIGTERM while serve is still starting (opening the
    // database, applying retention) lets it finish starting and then stop cleanly (exit 0).
    // (`on`, not `once`: a once-listener is gone by the time the lock package's own handler
    // counts listeners, and that handler would then end the process by the signal.)
    let requestStop = () => {};
    const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
    process.on('SIGINT', requestStop);
    process.on('SIGTERM', requestStop);
    const runner = await this.openRunner();
    const { startRun } = await import('../runner.js');
    const { startWebServer } = await import('../web/server.js');
    const { parseHostList } = await import('../web/host-check.js');
    const allowedHosts = [
      ...(this.flags['allowed-host'] ?? []),
      ...parseHostList(this.env.JOB_RUNNER_ALLOWED_HOSTS),
    ];
    const launch = runner.mode === 'postgres' ? 'queue' : 'spawn';
    try {
      const { readSchedules } = await import('../adapters/schedules-file.js');
      const { nextFire } = await import('../core/schedules.js');
      const { schedules, problems } = await readSchedules(runner.config.jobsDirs);
      for (const problem of problems) this.logger.warn(problem);
      const stopRetention = await startRetentionSetting({
        flag: this.flags.retention,
        env: this.env,
        db: runner.store.db,
        now: this.now,
        t: this.t,
        log: (message) => this.logger.info(message),
      });
      const web = await startWebServer(
        {
          store: runner.store,
          jobs: () => runner.library.jobs,
          t: this.t,
          lang: this.lang,
          schedules: () =>
            schedules.map((s) => ({ ...s, nextAfter: (now: Date) => nextFire(s.matches, now) })),
          startRun: async (request) => {
            const started = await startRun(runner, { ...request, launch });
            started.executioner?.unref();
            return started.run.id;
          },
        },
        {
          host: this.flags.host,
          port: this.flags.port,
          allowedHosts,
          ...(this.env.JOB_RUNNER_TOKEN ? { token: this.env.JOB_RUNNER_TOKEN } : {}),
        },
      );
      // Embedded: this process runs the schedules (on PostgreSQL the workers' cron does).
      const scheduler = await this.startSchedules(runner, schedules);
      this.logger.info(this.t('serve.listening', { url: web.url }));
      await stopRequested;
      process.removeListener('SIGINT', requestStop);
      process.removeListener('SIGTERM', requestStop);
      await scheduler.stop();
      await web.close();
      await stopRetention();
      // Runs executing here are stopped and recorded as cancelled before we exit.
      await runner.cancelActive();
      this.logger.info(this.t('serve.stopped'));
      return { url: web.url };
    } finally {
      await runner.close();
    }
  }
}
