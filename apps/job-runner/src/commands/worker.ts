import { Flags } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import { retentionFlags, startRetentionSetting } from '../retention-setting.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

export default class Worker extends RunnerCommand<typeof Worker> {
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
  // Ctrl-C is how it is stopped: it shuts down by itself, with exit 0.
  static override cancelOnInterrupt = false;

  async run(): Promise<{ stopped: boolean }> {
    const config = this.runnerConfig();
    if (!config.databaseUrl)
      throw new ToolbeltError('USAGE', 'job-runner worker needs DATABASE_URL', {
        key: 'job-runner:errors.workerNeedsPostgres',
      });
    const runner = await this.openRunner();
    try {
      const { startRunWorker } = await import('../adapters/run-queue.js');
      const { spawnExecutioner, waitForExit } = await import('../adapters/launcher.js');
      const { openSecrets } = await import('../adapters/secret-box.js');
      const target = await runner.target();
      const { readSchedules, scheduleTask } = await import('../adapters/schedules-file.js');
      const { schedules, problems } = await readSchedules(config.jobsDirs);
      for (const problem of problems) this.logger.warn(problem);
      const { startRun } = await import('../runner.js');
      const worker = await startRunWorker({
        cron: {
          items: schedules.map((s) => s.item),
          task: scheduleTask,
          // One worker gets each tick: it queues the run, which any worker then executes.
          tick: async (payload) => {
            const id = (payload as { schedule?: string }).schedule;
            const schedule = schedules.find((s) => s.id === id);
            if (!schedule) return;
            await startRun(runner, {
              job: schedule.job,
              input: { ...schedule.params },
              startedBy: `schedule:${schedule.id}`,
              launch: 'queue',
            });
          },
        },
        connectionString: config.databaseUrl,
        concurrency: this.flags.concurrency,
        log: (level, message) => this.logger.debug(`graphile-worker ${level}: ${message}`),
        execute: async (payload) => {
          const secrets =
            payload.sealedSecrets && config.secretKey
              ? openSecrets(payload.sealedSecrets, config.secretKey)
              : {};
          await waitForExit(
            spawnExecutioner(target, payload.runId, secrets, { stderr: 'inherit' }),
          );
        },
      });
      const stopRetention = await startRetentionSetting({
        flag: this.flags.retention,
        env: this.env,
        db: runner.store.db,
        now: this.now,
        t: this.t,
        log: (message) => this.logger.info(message),
      });
      this.logger.info(this.t('worker.started', { concurrency: this.flags.concurrency }));
      const stop = () => void worker.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await worker.done;
      await stopRetention();
      this.logger.info(this.t('worker.stopped'));
      return { stopped: true };
    } finally {
      await runner.close();
    }
  }
}
