import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { dbCatalog, lockCatalog, waitingParams } from '@toolbelt/db';
import { ToolbeltError, type ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../deps.js';
import { definedEnv } from '../env.js';
import { catalogs } from '../i18n/catalogs.js';
import { runJob, type RunJobResult } from '../run-job.js';

export default class Run extends BaseCommand<typeof Run> {
  static override summary = 'Run a job: its source connector, then its destination connector.';
  static override description =
    'The job comes from --job or JOB_ID. --stage runs one stage alone (each stage can run in its own container or CI step); the destination stage loads the batches of --history. --dry-run reads the source and reports what would be loaded.';
  static override examples = [
    '<%= config.bin %> run --job 1',
    '<%= config.bin %> run --job 1 --stage source',
    '<%= config.bin %> run --job 1 --stage destination --history 7',
    '<%= config.bin %> run --job 1 --dry-run --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: 'Job id (default: env JOB_ID).', min: 1 }),
    stage: Flags.string({ summary: 'Run only this stage.', options: ['source', 'destination'] }),
    history: Flags.integer({
      summary: 'History whose batches the destination stage loads.',
      min: 1,
    }),
    'dry-run': Flags.boolean({
      summary: 'Read the source and report what would be loaded; write nothing.',
    }),
    registry: Flags.string({
      summary: 'Connector registry file (default ./connectors.yaml when present).',
    }),
    'no-wait': Flags.boolean({
      summary:
        'Fail at once (exit 75, naming the holder) when another run has the embedded database open, instead of waiting for it.',
    }),
  };
  static override exitCodes: readonly ErrorCode[] = [
    'OK',
    'USAGE',
    'DATA',
    'UNAVAILABLE',
    'TEMPFAIL',
    'INTERNAL',
    'AUTH',
    'CONFIG',
  ];
  static override catalogs = { ...catalogs, db: dbCatalog, lock: lockCatalog };

  async run(): Promise<RunJobResult> {
    const env = definedEnv(this.env);
    if (this.flags.job === undefined && !env.JOB_ID)
      throw new ToolbeltError('USAGE', 'Which job? Pass --job N or set JOB_ID.', {
        key: 'run.needJob',
      });
    const deps = await buildDeps({
      env,
      ...(this.flags.registry ? { registryFile: this.flags.registry } : {}),
      now: this.now,
      wait: !this.flags['no-wait'],
      onWait: (holder) =>
        this.logger.info(
          this.t(
            'db:waiting',
            waitingParams(holder, this.env.PGLITE_DIR ?? '.data/connector-template'),
          ),
        ),
      signal: this.interrupt.signal,
    });
    try {
      // Stages on the bar, rows and batches after it: on a terminal only, never with --json.
      const bar = await this.startProgress({
        label: this.t('run.progress'),
        total: this.flags.stage ? 1 : 2,
        counters: [
          { name: 'read', label: this.t('run.progressRead') },
          { name: 'batches', label: this.t('run.progressBatches') },
          { name: 'loaded', label: this.t('run.progressLoaded') },
        ],
      });
      // Ctrl-C says how far the job got; its history row is marked Failed by the next run.
      const done = { read: 0, loaded: 0 };
      this.cancelNote = () => this.t('run.cancelled', done);
      const result = await runJob(deps, {
        progress: {
          read: (n) => {
            done.read += n;
            bar.count?.('read', n);
          },
          loaded: (n) => {
            done.loaded += n;
            bar.count?.('loaded', n);
          },
          batches: (n) => bar.count?.('batches', n),
          stageDone: () => bar.tick(),
        },
        env,
        ...(this.flags.job === undefined ? {} : { jobId: this.flags.job }),
        ...(this.flags.stage ? { stage: this.flags.stage as 'source' | 'destination' } : {}),
        ...(this.flags.history === undefined ? {} : { historyId: this.flags.history }),
        dryRun: this.flags['dry-run'],
        logger: this.logger,
        lang: this.lang,
        now: this.now,
      }).finally(() => bar.stop());
      const source = result.stages[0];
      if (this.flags.stage === 'source' && source?.status === 'Running') {
        this.logger.info(
          this.t('run.sourceOnly', { job: result.jobId, history: source.historyId }),
        );
      }
      // The outcome is the result: on stdout, as --json puts its result there.
      if (!this.jsonEnabled())
        for (const stage of result.stages)
          this.log(
            this.t('run.stageLine', {
              kind: stage.kind,
              connector: stage.connectorId,
              status: stage.status,
              rows: stage.rowsAffected,
              message: stage.message,
            }),
          );
      process.exitCode = result.exitCode;
      return result;
    } finally {
      await deps.close();
    }
  }
}
