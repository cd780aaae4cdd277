import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import type { BuildDepsContext } from '../build-deps.js';
import { helpEn } from '../i18n/help.js';
import type { RunJobResult } from '../run-job.js';

const { summary, description, flags: help } = helpEn.run;
const exitCodes: ErrorCode[] = [
  'OK',
  'USAGE',
  'DATA',
  'UNAVAILABLE',
  'TEMPFAIL',
  'INTERNAL',
  'AUTH',
  'CONFIG',
];

export default class Run extends BaseCommand<typeof Run> {
  static override summary = summary;
  static override description = description;
  static override examples = [
    '<%= config.bin %> run --job 1',
    '<%= config.bin %> run --job 1 --stage source',
    '<%= config.bin %> run --job 1 --stage destination --history 7',
    '<%= config.bin %> run --job 1 --dry-run --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: help.job, min: 1 }),
    stage: Flags.string({ summary: help.stage, options: ['source', 'destination'] }),
    history: Flags.integer({ summary: help.history, min: 1 }),
    'dry-run': Flags.boolean({ summary: help['dry-run'] }),
    registry: Flags.string({ summary: help.registry }),
    'no-wait': Flags.boolean({ summary: help['no-wait'] }),
  };
  static override exitCodes = exitCodes;

  async run(): Promise<RunJobResult> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readRunSettings, settingsOrThrow } = await import('../settings.js');
    const settings = settingsOrThrow(readRunSettings(this.flags, this.env, process.cwd()));
    const { withDeps } = await import('../build-deps.js');
    const { cancelNote, showRun } = await import('../render.js');
    const { runJob } = await import('../run-job.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    const { signal } = this.interrupt;
    const startProgress: BuildDepsContext['startProgress'] = (o) => this.startProgress(o);
    return withDeps(settings, { ...out, now: this.now, signal, startProgress }, async (deps) => {
      // Ctrl-C says how far the job got; its history row is marked Failed by the next run.
      this.cancelNote = () => cancelNote(deps.counts);
      const result = await runJob(deps, settings);
      process.exitCode = result.exitCode;
      return showRun(result, settings, out);
    });
  }
}
