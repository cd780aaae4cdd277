import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../../i18n/help.js';

const { summary, args, flags: help } = helpEn['jobs:remove'];

export default class JobsRemove extends BaseCommand<typeof JobsRemove> {
  static override summary = summary;
  static override examples = [
    '<%= config.bin %> jobs remove 1',
    '<%= config.bin %> jobs remove 1 --yes',
  ];
  static override args = {
    id: Args.integer({ description: args.id, required: true, min: 1 }),
  };
  static override flags = {
    yes: Flags.boolean({ summary: help.yes }),
  };
  static override exitCodes: readonly ErrorCode[] = [
    'OK',
    'USAGE',
    'CONFIG',
    'CANCELLED',
    'INTERNAL',
  ];

  async run(): Promise<{ id: number; name: string; removed: true }> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readJobSettings, settingsOrThrow } = await import('../../settings.js');
    const settings = settingsOrThrow(
      readJobSettings(this.flags, this.args.id, this.env, process.cwd()),
    );
    const { withDeps } = await import('../../build-deps.js');
    const { showRemoved } = await import('../../render.js');
    const { removeJob } = await import('../../run-jobs.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showRemoved(await removeJob(deps, settings), out),
    );
  }
}
