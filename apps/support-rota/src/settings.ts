/**
 * The settings of `generate`: flags + the rota's config file -> checked settings, or every
 * problem at once. `toSettings` is the pure part (it gets the file's data); `readSettings` is
 * its edge, which finds and reads the config file first.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { checkSettings, inputFileError } from '@toolbelt/cli-kit';
import type { Texts, ToolbeltError } from '@toolbelt/errors';
import {
  configFileSchema,
  defaultSeed,
  problemsCode,
  resolveSettings,
  type FlagSettings,
  type RotaSettings,
  type SettingSource,
  type SettingsProblem,
} from './core/settings.js';
import { messages } from './i18n/index.js';

/** The flags of `generate`, as oclif parses them. */
export interface GenerateFlags {
  config?: string | undefined;
  start?: string | undefined;
  cycles?: number | undefined;
  'start-with'?: string | undefined;
  calendar?: string | undefined;
  ics?: string | undefined;
  seed?: number | undefined;
  holidays?: string | undefined;
  'report-dir'?: string | undefined;
  // oclif leaves a boolean flag that was not given undefined (its type says boolean).
  'dry-run'?: boolean | undefined;
  'no-wait'?: boolean | undefined;
  'replace-all'?: boolean | undefined;
  yes?: boolean | undefined;
}

/** Everything a `generate` run needs, checked. */
export interface Settings {
  rota: RotaSettings;
  /** The seed of the shuffles: `--seed`, `seed:`, or derived from the rota's settings. */
  seed: number;
  dryRun: boolean;
  /** The original's behaviour: delete every event from the start date on, then write the rota. */
  replaceAll: boolean;
  /** `--yes`: no confirmation for `--replace-all`. */
  yes: boolean;
  /** Wait for another run that holds an `.ics` file (false with `--no-wait`). */
  wait: boolean;
  /** Paths from the config file are relative to `configDir`; flag paths to `cwd`. */
  cwd: string;
  configDir: string;
}

/** A setting's path (a file or folder) as written, with where it was written. */
export interface SettingPath {
  path: string;
  source: SettingSource | 'default';
}

/** The absolute path of a setting's path: config-relative or cwd-relative. */
export function resolveSettingPath(
  settings: Pick<Settings, 'cwd' | 'configDir'>,
  ref: SettingPath,
): string {
  if (isAbsolute(ref.path)) return ref.path;
  return resolve(ref.source === 'config' ? settings.configDir : settings.cwd, ref.path);
}

/** The outcome of {@link toSettings}: settings, or every problem at once. */
export interface SettingsCheck {
  settings: Settings | undefined;
  /** Every problem, in every language. */
  problems: Texts[];
  /** USAGE (64) when every problem comes from a flag, CONFIG (78) otherwise. */
  code: 'USAGE' | 'CONFIG';
}

/**
 * Flags and the config file's data (raw, unchecked) -> settings, checked all at once: first
 * the file's shape (cli-kit's `checkSettings` on `configFileSchema`), then dates, cycles,
 * team and calendar. Pure: the file was read by {@link readSettings}.
 */
export function toSettings(
  flags: GenerateFlags,
  file: { data: unknown; path: string | undefined },
  cwd: string,
): SettingsCheck {
  const shape = checkSettings(configFileSchema, file.data ?? {});
  if (!shape.settings) return { settings: undefined, problems: shape.problems, code: 'CONFIG' };
  const fromFlags: FlagSettings = {
    start: flags.start,
    cycles: flags.cycles,
    startWith: flags['start-with'],
    calendar: flags.calendar,
    ics: flags.ics,
    seed: flags.seed,
    holidays: flags.holidays,
    reportDir: flags['report-dir'],
  };
  const result = resolveSettings(shape.settings, fromFlags);
  if (!result.ok)
    return {
      settings: undefined,
      problems: result.problems.map(problemText),
      code: problemsCode(result.problems),
    };
  const rota = result.settings;
  return {
    settings: {
      rota,
      seed: rota.seed ?? defaultSeed(rota),
      dryRun: flags['dry-run'] === true,
      replaceAll: flags['replace-all'] === true,
      yes: flags.yes === true,
      wait: flags['no-wait'] !== true,
      cwd,
      configDir: file.path ? dirname(file.path) : cwd,
    },
    problems: [],
    code: 'CONFIG',
  };
}

/** One settings problem in every language. */
export function problemText(problem: SettingsProblem): Texts {
  return messages.text(`problems.${problem.code}`, problem.params);
}

/**
 * The error of invalid settings, every problem listed. Not cli-kit's `settingsError`: that
 * is CONFIG with a fix line about environment variables, while a rota's settings come from
 * its file and flags, and problems of flags alone are USAGE (64), as the README promises.
 */
export function invalidSettingsError(
  check: Pick<SettingsCheck, 'problems' | 'code'>,
): ToolbeltError {
  return messages.error(check.code, 'errors.invalidSettings', {}, { problems: check.problems });
}

/** Config files looked for in the working directory when `--config` is not given. */
export const defaultConfigFiles = ['rota.yaml', 'rota.yml', 'rota.json'] as const;

async function findDefaultConfig(cwd: string): Promise<string | undefined> {
  for (const name of defaultConfigFiles) {
    const path = resolve(cwd, name);
    const found = await access(path).then(
      () => true,
      () => false,
    );
    if (found) return path;
  }
  return undefined;
}

/**
 * Read a YAML or JSON config file into plain data (unchecked). YAML is read with the core
 * schema so `2025-01-06` stays the string the settings expect, not a Date.
 * @param shownAs the path as the user wrote it, for the message.
 */
export async function readConfigFile(path: string, shownAs = path): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // The one wording of every tool: `cannot read rota.yaml: no such file` (CONFIG, 78).
    throw inputFileError(shownAs, error, { code: 'CONFIG' });
  }
  try {
    if (extname(path).toLowerCase() === '.json') return JSON.parse(text) as unknown;
    const yaml = await import('js-yaml');
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: path });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw messages.error('CONFIG', 'errors.configInvalid', { path, reason }, { cause: error });
  }
}

/**
 * The settings of a run: the config file (`--config`, else `rota.yaml`/`rota.yml`/`rota.json`
 * in the working directory, else none) merged with the flags. Throws every problem at once.
 */
export async function readSettings(flags: GenerateFlags, cwd = process.cwd()): Promise<Settings> {
  const path = flags.config ? resolve(cwd, flags.config) : await findDefaultConfig(cwd);
  const data = path ? await readConfigFile(path, flags.config) : {};
  const check = toSettings(flags, { data, path }, cwd);
  if (!check.settings) throw invalidSettingsError(check);
  return check.settings;
}
