import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import type { ErrorCode } from '@toolbelt/errors';
import { buildNewDeps } from '../build-deps.js';
import { showNew } from '../render.js';
import { runNew, type NewResult } from '../run-new.js';
import { readNewSettings, settingsOrThrow } from '../settings.js';

export default class New extends BaseCommand<typeof New> {
  static override summary =
    'Scaffold a new connector package: run() code, a passing test, its registry entry.';
  static override examples = [
    '<%= config.bin %> new salesforce --kind source',
    '<%= config.bin %> new warehouse --kind destination --dir connectors',
  ];
  static override args = {
    name: Args.string({
      description: 'Connector name (lower-case words joined by dashes).',
      required: true,
    }),
  };
  static override flags = {
    kind: Flags.string({
      summary: 'Source or destination connector.',
      options: ['source', 'destination'],
      required: true,
    }),
    dir: Flags.string({ summary: 'Folder that receives the package folder.', default: '.' }),
    registry: Flags.string({
      summary: 'Registry file that gets the entry.',
      default: 'connectors.yaml',
    }),
    'sdk-version': Flags.string({
      summary:
        "Dependency spec of @toolbelt/connector (default workspace:* inside a pnpm workspace, else ^<this tool's version>).",
    }),
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
