import { CommandHelp, Help, type Command, type Interfaces } from '@oclif/core';
import { exitCodes, type ErrorCode } from '@toolbelt/errors';
import { createI18n, detectLanguage, langFromArgv, type I18n } from '@toolbelt/i18n';
import type { CommonFlagName } from './common-flags.js';

/** Russian help text of one command: summary, description and flag descriptions by flag name. */
export interface CommandHelpText {
  summary?: string;
  description?: string;
  flags?: Record<string, string>;
  args?: Record<string, string>;
}

/** Help translations of an app, by command id (`jobs:add`). English stays in the command class. */
export type HelpCatalog = Record<string, CommandHelpText>;

/** Base flags are described by the common catalog. */
const baseFlagKeys: Record<CommonFlagName, string> = {
  json: 'json',
  lang: 'lang',
  dotenv: 'envFile',
  'env-file': 'envFile',
  'log-dir': 'logDir',
  'log-keep': 'logKeep',
  verbose: 'verbose',
  quiet: 'quiet',
  help: 'help',
};

function helpI18n(): I18n {
  return createI18n({ lang: detectLanguage(langFromArgv(process.argv.slice(2)), process.env) });
}

function translateHeading(i18n: I18n, header: string): string {
  const key = `common:help.headings.${header}`;
  return i18n.has(key) ? i18n.t(key) : header;
}

/** A copy of the command with summary, description and flag texts in the help language. */
export function localizeCommand(
  command: Command.Loadable,
  i18n: I18n,
  catalog: HelpCatalog,
): Command.Loadable {
  if (i18n.lang === 'en') return command;
  const text = catalog[command.id] ?? {};
  const flags: Record<string, Command.Flag.Any> = {};
  for (const [name, flag] of Object.entries(command.flags ?? {})) {
    const baseKey = (baseFlagKeys as Partial<Record<string, string>>)[name];
    const translated =
      text.flags?.[name] ?? (baseKey ? i18n.t(`common:help.flags.${baseKey}`) : undefined);
    flags[name] = translated ? { ...flag, summary: translated, description: undefined } : flag;
  }
  const args: Record<string, Command.Arg.Any> = {};
  for (const [name, arg] of Object.entries(command.args ?? {})) {
    const translated = text.args?.[name];
    args[name] = translated ? { ...arg, description: translated } : arg;
  }
  return {
    ...command,
    summary: text.summary ?? command.summary,
    description: text.description ?? command.description,
    flags,
    args,
  };
}

/** What `missingHelpTranslations` reads of a command: its class, or its oclif manifest entry. */
export interface HelpedCommand {
  flags?: Record<string, unknown>;
  args?: Record<string, unknown>;
  summary?: string;
  description?: string;
}

/** Problems in an app's help catalog: commands or flags without a translation. */
export function missingHelpTranslations(
  commands: Record<string, HelpedCommand>,
  catalog: HelpCatalog,
  options: { baseFlags?: readonly string[] } = {},
): string[] {
  const base = new Set(options.baseFlags ?? Object.keys(baseFlagKeys));
  const problems: string[] = [];
  for (const [id, cmd] of Object.entries(commands)) {
    const text = catalog[id];
    if (!text) {
      problems.push(`no Russian help for command ${id}`);
      continue;
    }
    if (cmd.summary && !text.summary) problems.push(`${id}: summary`);
    if (cmd.description && !text.description) problems.push(`${id}: description`);
    for (const name of Object.keys(cmd.flags ?? {}))
      if (!base.has(name) && !text.flags?.[name]) problems.push(`${id}: flag --${name}`);
    for (const name of Object.keys(cmd.args ?? {}))
      if (!text.args?.[name]) problems.push(`${id}: arg ${name}`);
  }
  return problems;
}

function exitCodesSection(i18n: I18n, codes: readonly ErrorCode[]): string {
  return codes
    .map(
      (code) =>
        `${String(exitCodes[code]).padStart(3)}  ${code}: ${i18n.t(`common:codes.${code}`)}`,
    )
    .join('\n');
}

/**
 * An oclif Help class that prints headings, summaries and flag texts in the language of
 * `--lang` / TOOLBELT_LANG / LC_ALL / LANG, and adds an EXIT CODES section built from the
 * command's static `exitCodes`. Apps export `createLocalizedHelp(catalog)` as the default
 * export of their help module (package.json `oclif.helpClass`).
 */
export function createLocalizedHelp(catalog: HelpCatalog): typeof Help {
  let shared: I18n | undefined;
  const i18n = (): I18n => (shared ??= helpI18n());

  class LocalizedCommandHelp extends CommandHelp {
    override section(header: string, body: Parameters<CommandHelp['section']>[1]): string {
      return super.section(translateHeading(i18n(), header), body);
    }

    protected override sections(): ReturnType<CommandHelp['sections']> {
      const codes = (this.command as { exitCodes?: readonly ErrorCode[] }).exitCodes;
      const extra =
        codes && codes.length > 0
          ? [{ header: 'EXIT CODES', generate: () => exitCodesSection(i18n(), codes) }]
          : [];
      return [...super.sections(), ...extra];
    }
  }

  class LocalizedHelp extends Help {
    constructor(config: Interfaces.Config, options?: Partial<Interfaces.HelpOptions>) {
      super(config, options);
      this.CommandHelpClass = LocalizedCommandHelp;
    }

    override section(header: string, body: Parameters<Help['section']>[1]): string {
      return super.section(translateHeading(i18n(), header), body);
    }

    override async showCommandHelp(command: Command.Loadable): Promise<void> {
      return super.showCommandHelp(localizeCommand(command, i18n(), catalog));
    }

    protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
      return super.getCommandHelpClass(localizeCommand(command, i18n(), catalog));
    }

    override summary(c: Command.Loadable): string | undefined {
      return super.summary(localizeCommand(c, i18n(), catalog));
    }
  }
  return LocalizedHelp;
}
