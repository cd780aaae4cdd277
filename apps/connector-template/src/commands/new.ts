import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { helpEn } from '../i18n/help.js';
import type { NewResult } from '../run-new.js';

const { summary, args, flags: help } = helpEn.new;

export default class New extends BaseCommand<typeof New> {
  static override summary = summary;
  static override examples = [
    '<%= config.bin %> new salesforce --kind source',
    '<%= config.bin %> new warehouse --kind destination --dir connectors',
  ];
  static override args = {
    name: Args.string({ description: args.name, required: true }),
  };
  static override flags = {
    kind: Flags.string({ summary: help.kind, options: ['source', 'destination'], required: true }),
    dir: Flags.string({ summary: help.dir, default: '.' }),
    registry: Flags.string({ summary: help.registry, default: 'connectors.yaml' }),
    'sdk-version': Flags.string({ summary: help['sdk-version'] }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'INTERNAL'];
  static override writesLogFile = false;

  async run(): Promise<NewResult> {
    // Settings (zod) load once the flags are parsed; adapters and the orchestrator once
    // the settings are good (a settings mistake pays for neither).
    const { readNewSettings, settingsOrThrow } = await import('../settings.js');
    const settings = settingsOrThrow(readNewSettings(this.args.name, this.flags, process.cwd()));
    const { buildNewDeps } = await import('../build-deps.js');
    const { showNew } = await import('../render.js');
    const { runNew } = await import('../run-new.js');
    const result = await runNew(buildNewDeps(), settings, this.config.version);
    return showNew(result, {
      lang: this.lang,
      json: this.jsonEnabled(),
      print: (text) => this.log(text),
      logger: this.logger,
    });
  }
}
