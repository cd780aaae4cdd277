import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../build-deps.js';
import { dbCatalog } from '../i18n/index.js';
import { cancelNote, showRun } from '../render.js';
import { runJob, type RunJobResult } from '../run-job.js';
import { readRunSettings, settingsOrThrow } from '../settings.js';

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
  static override catalogs = { db: dbCatalog };

  async run(): Promise<RunJobResult> {
    const settings = settingsOrThrow(readRunSettings(this.flags, this.env, process.cwd()));
    const deps = await buildDeps(settings, {
      lang: this.lang,
      logger: this.logger,
      now: this.now,
      signal: this.interrupt.signal,
      startProgress: (options) => this.startProgress(options),
    });
    // Ctrl-C says how far the job got; its history row is marked Failed by the next run.
    this.cancelNote = () => cancelNote(deps.counts, this.lang);
    const bar = await deps.startRunProgress(settings.stages.length);
    try {
      const result = await runJob(deps, settings, bar.progress);
      process.exitCode = result.exitCode;
      return showRun(result, settings, {
        lang: this.lang,
        json: this.jsonEnabled(),
        print: (text) => this.log(text),
        logger: this.logger,
      });
    } finally {
      bar.stop();
      await deps.close();
    }
  }
}
