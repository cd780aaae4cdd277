import type { NewDeps } from './build-deps.js';
import { planScaffold } from './core/scaffold.js';
import { messages } from './i18n/index.js';
import type { NewSettings } from './settings.js';

/** A connector package made by `new`. */
export interface NewResult {
  name: string;
  kind: string;
  dir: string;
  registry: string;
}

/**
 * Writes a new connector package into `settings.dir` (which must be empty or absent) and its
 * entry into the registry file. Inside a pnpm workspace it depends on `workspace:*`, else on
 * `^version`: all @toolbelt packages are released together with one version
 * (.changeset/config.json), so this tool's own version is one the registry has.
 */
export async function runNew(
  deps: NewDeps,
  settings: NewSettings,
  version: string,
): Promise<NewResult> {
  const { name, kind, dir, registryFile } = settings;
  if (deps.isNonEmptyDir(dir)) throw messages.error('USAGE', 'errors.folderExists', { dir });
  const sdkVersion =
    settings.sdkVersion ?? (deps.inWorkspace(settings.parent) ? 'workspace:*' : `^${version}`);
  await deps.writeScaffold(planScaffold({ name, kind, sdkVersion }), dir, registryFile);
  return { name, kind, dir, registry: registryFile };
}
