import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../i18n/help.js';
import type { CheckResult } from '../run-check.js';

const { summary, flags: help } = helpEn.check;

export default class Check extends BaseCommand<typeof Check> {
  static override summary = summary;
  static override examples = [
    '<%= config.bin %> check --job 1',
    'JOB_ID=1 <%= config.bin %> check --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: help.job, min: 1 }),
    registry: Flags.string({ summary: help.registry }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'];

  async run(): Promise<CheckResult> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readCheckSettings, settingsOrThrow } = await import('../settings.js');
    const settings = settingsOrThrow(readCheckSettings(this.flags, this.env, process.cwd()));
    const { withDeps } = await import('../build-deps.js');
    const { showCheck } = await import('../render.js');
    const { runCheck } = await import('../run-check.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showCheck(await runCheck(deps, settings), {
        ...out,
        setExitCode: (code) => this.setExitCode(code),
      }),
    );
  }
}
