import { dirname, isAbsolute, resolve } from 'node:path';
import { ToolbeltError } from '@toolbelt/errors';
import type { I18n } from '@toolbelt/i18n';
import { findDefaultConfig, readConfigFile } from './adapters/config-file.js';
export { defaultSeed } from './core/settings.js';
import {
  problemsCode,
  resolveSettings,
  type FlagSettings,
  type RotaSettings,
  type SettingsProblem,
} from './core/settings.js';

export interface LoadedSettings {
  settings: RotaSettings;
  /** The config file read, if any. */
  configPath: string | undefined;
  /** Paths from the config file are relative to its folder; flag paths to the working directory. */
  resolvePath: (path: string, source: string) => string;
}

/** One problem in words (the user's language, or English for the log). */
export function describeProblem(problem: SettingsProblem, i18n: I18n, lang = i18n.lang): string {
  return i18n.tIn(lang, `support-rota:problems.${problem.code}`, problem.params);
}

/**
 * Read the config file (`--config`, else `rota.yaml`/`rota.yml`/`rota.json` in the working
 * directory, else none) and merge it with the flags. Every problem is reported at once:
 * USAGE (64) when they all come from flags, CONFIG (78) otherwise.
 */
export async function loadSettings(
  configFlag: string | undefined,
  flags: FlagSettings,
  i18n: I18n,
  cwd = process.cwd(),
): Promise<LoadedSettings> {
  const configPath = configFlag ? resolve(cwd, configFlag) : await findDefaultConfig(cwd);
  const raw = configPath ? await readConfigFile(configPath, configFlag) : {};
  const result = resolveSettings(raw, flags);
  if (!result.ok) {
    const words = result.problems.map((p) => describeProblem(p, i18n));
    const english = result.problems.map((p) => describeProblem(p, i18n, 'en'));
    throw new ToolbeltError(problemsCode(result.problems), english.join('\n'), {
      key: 'support-rota:errors.invalidSettings',
      params: { problems: words.join('\n') },
      problems: english,
    });
  }
  const base = configPath ? dirname(configPath) : cwd;
  return {
    settings: result.settings,
    configPath,
    resolvePath: (path, source) =>
      isAbsolute(path) ? path : resolve(source === 'config' ? base : cwd, path),
  };
}
