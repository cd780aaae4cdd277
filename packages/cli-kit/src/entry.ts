import { fileURLToPath } from 'node:url';
import { detectLanguage, langFromArgv } from '@toolbelt/i18n/languages';
import { printPrebuiltHelp } from './fast-help.js';

/**
 * argv as the user meant it: `-v` is `--version`, and `help [command...]` is
 * `[command...] --help` (so it is answered from the help snapshot too).
 */
export function normalizeEntryArgv(argv: readonly string[]): string[] {
  if (argv.length === 1 && argv[0] === '-v') return ['--version'];
  if (argv[0] === 'help') return [...argv.slice(1), '--help'];
  return [...argv];
}

/** The command ids and topics an app has, written with spaces (`jobs add`). */
export interface CommandMap {
  commands: readonly string[];
  topics: readonly string[];
}

/**
 * The words of argv that name no command or topic (`snc`, `jobs ad`), or undefined when argv
 * names a command, a topic, or nothing (root help, `--version`).
 */
export function unknownCommand(argv: readonly string[], map: CommandMap): string | undefined {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  if (words.length === 0) return undefined;
  const commands = new Set(map.commands);
  const topics = new Set(map.topics);
  for (let n = words.length; n > 0; n--) {
    const id = words.slice(0, n).join(' ');
    if (commands.has(id)) return undefined;
    if (topics.has(id)) {
      // `jobs` alone or `jobs --help` shows the topic; `jobs ad` names no command.
      return n === words.length ? undefined : words.slice(0, n + 1).join(' ');
    }
  }
  return words[0];
}

/**
 * The whole entry of a Toolbelt CLI (`bin/run.js`): a plain help request is answered from the
 * build-time snapshot without loading oclif; `-v` and `help [command]` work; an unknown
 * command exits 64 (USAGE) with "did you mean" in the user's language; everything else runs
 * through oclif.
 * @param binUrl `import.meta.url` of the app's bin/run.js.
 */
export async function runCli(binUrl: string, rawArgv = process.argv.slice(2)): Promise<void> {
  const argv = normalizeEntryArgv(rawArgv);
  if (printPrebuiltHelp(binUrl, argv)) return;
  const { Config, execute } = await import('@oclif/core');
  const config = await Config.load(fileURLToPath(binUrl));
  const sep = (id: string) => id.split(':').join(' ');
  const map: CommandMap = {
    commands: config.commandIDs.map(sep),
    topics: config.topics.map((t) => sep(t.name)),
  };
  const unknown = unknownCommand(argv, map);
  if (unknown !== undefined) {
    await reportUnknownCommand(unknown, map, argv);
    return;
  }
  await execute({ args: argv, dir: binUrl, loadOptions: config });
}

async function reportUnknownCommand(
  command: string,
  map: CommandMap,
  argv: readonly string[],
): Promise<void> {
  const [{ commonMessages }, { suggest }] = await Promise.all([
    import('@toolbelt/errors'),
    import('./usage-errors.js'),
  ]);
  const lang = detectLanguage(langFromArgv(argv), process.env);
  const suggestion = suggest(command, map.commands);
  const error = suggestion
    ? commonMessages.error('USAGE', 'errors.commandUnknownSuggest', { command, suggestion })
    : commonMessages.error('USAGE', 'errors.commandUnknown', {
        command,
        commands: map.commands.join(', '),
      });
  const message = error.localized(lang).message;
  if (argv.includes('--json')) {
    const json = { error: { ...error.toJSON(), message } };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    const say = commonMessages.translator(lang);
    process.stderr.write(`${say('errors.prefix')}: ${message}\n${say('errors.seeHelp')}\n`);
  }
  process.exitCode = error.exitCode;
}
