import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../i18n/help.js';
import type { HistoryJson } from '../render.js';

const { summary, flags: help } = helpEn.history;

export default class History extends BaseCommand<typeof History> {
  static override summary = summary;
  static override examples = [
    '<%= config.bin %> history',
    '<%= config.bin %> history --job 1',
    '<%= config.bin %> history --history 7 --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: help.job, min: 1 }),
    history: Flags.integer({ summary: help.history, min: 1 }),
    limit: Flags.integer({ summary: help.limit, default: 20, min: 1 }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'CONFIG', 'INTERNAL'];
  static override writesLogFile = false;

  async run(): Promise<HistoryJson> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readHistorySettings, settingsOrThrow } = await import('../settings.js');
    const settings = settingsOrThrow(readHistorySettings(this.flags, this.env, process.cwd()));
    const { withDeps } = await import('../build-deps.js');
    const { showHistory } = await import('../render.js');
    const { runHistory } = await import('../run-history.js');
    const print = (text: string) => this.log(text);
    const out = { lang: this.lang, json: this.jsonEnabled(), logger: this.logger, print };
    return withDeps(settings, { ...out, now: this.now }, async (deps) =>
      showHistory(await runHistory(deps, settings), out),
    );
  }
}
