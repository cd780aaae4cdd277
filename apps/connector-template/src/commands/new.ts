import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildNewDeps } from '../build-deps.js';
import { helpEn } from '../i18n/help.js';
import { showNew } from '../render.js';
import { runNew, type NewResult } from '../run-new.js';
import { readNewSettings, settingsOrThrow } from '../settings.js';

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
    const settings = settingsOrThrow(readNewSettings(this.args.name, this.flags, process.cwd()));
    const result = await runNew(buildNewDeps(), settings, this.config.version);
    return showNew(result, {
      lang: this.lang,
      json: this.jsonEnabled(),
      print: (text) => this.log(text),
      logger: this.logger,
    });
  }
}
