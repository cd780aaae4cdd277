import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { ToolbeltError, type ErrorCode } from '@toolbelt/errors';
import { isNonEmptyDir, writeScaffold } from '../adapters/scaffold-writer.js';
import { isValidConnectorName, planScaffold } from '../core/scaffold.js';
import { catalogs } from '../i18n/catalogs.js';

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
  static override catalogs = catalogs;
  static override writesLogFile = false;

  async run(): Promise<{ name: string; kind: string; dir: string; registry: string }> {
    const { name } = this.args;
    if (!isValidConnectorName(name))
      throw new ToolbeltError('USAGE', `'${name}' is not a connector name.`, {
        key: 'scaffold.invalidName',
        params: { name },
      });
    const dir = resolve(this.flags.dir, name);
    if (isNonEmptyDir(dir))
      throw new ToolbeltError('USAGE', `The folder ${dir} already exists and is not empty.`, {
        key: 'scaffold.exists',
        params: { dir },
      });
    const inWorkspace = [resolve(this.flags.dir), ...parents(resolve(this.flags.dir))].some((d) =>
      existsSync(join(d, 'pnpm-workspace.yaml')),
    );
    const kind = this.flags.kind as 'source' | 'destination';
    const plan = planScaffold({
      name,
      kind,
      // All @toolbelt packages are released together with one version (.changeset/config.json),
      // so this tool's own version is one the registry has for @toolbelt/connector and log.
      sdkVersion:
        this.flags['sdk-version'] ?? (inWorkspace ? 'workspace:*' : `^${this.config.version}`),
    });
    const registry = resolve(this.flags.registry);
    await writeScaffold(plan, dir, registry);
    this.logger.info(this.t('scaffold.created', { name, kind, dir, registry }));
    this.logger.info(this.t('scaffold.next', { dir }));
    return { name, kind, dir, registry };
  }
}

function parents(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir, '..'); d !== resolve(d, '..'); d = resolve(d, '..')) out.push(d);
  return out;
}
