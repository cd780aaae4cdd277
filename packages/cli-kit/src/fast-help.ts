import { readFileSync } from 'node:fs';
import { detectLanguage, langFromArgv } from '@toolbelt/i18n/languages';

/** File (in the app's dist/) holding every command's help, rendered by oclif at build time. */
export const HELP_SNAPSHOT_FILE = 'dist/help-snapshot.json';

/** `{ "en:": rootHelp, "en:jobs:add": ..., "ru:jobs:add": ... }` */
export type HelpSnapshot = Record<string, string>;

/** How oclif names the platform in the VERSION section, and its stand-in in the snapshot. */
export const PLATFORM = `${process.platform}-${process.arch} node-${process.version}`;
export const PLATFORM_PLACEHOLDER = '{{platform}}';

/** Width the snapshot is rendered at: oclif's own width when stdout is not a terminal. */
export const HELP_SNAPSHOT_COLUMNS = 80;

/**
 * The snapshot key for argv when argv only asks for help (`[topic...] cmd --help [--lang X]`),
 * else undefined (anything else goes to oclif).
 */
export function helpSnapshotKey(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): string | undefined {
  if (!argv.includes('--help') && !argv.includes('-h')) return undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h' || arg.startsWith('--lang=')) continue;
    if (arg === '--lang') {
      i++;
      continue;
    }
    if (arg.startsWith('-')) return undefined;
    words.push(arg);
  }
  const flag = langFromArgv(argv);
  if (flag !== undefined && flag !== 'en' && flag !== 'ru') return undefined;
  return `${detectLanguage(flag, env)}:${words.join(':')}`;
}

/**
 * Prints the help of a pure help request from the build-time snapshot and returns true, so
 * that `--help` does not load oclif; returns false (caller runs oclif) for anything else, a
 * missing snapshot, a terminal narrower than the snapshot, or OCLIF_COLUMNS set (which the
 * snapshot build itself sets, so it always renders with oclif).
 * @param binUrl `import.meta.url` of the app's bin/run.js.
 */
export function printPrebuiltHelp(binUrl: string, argv: readonly string[]): boolean {
  const key = helpSnapshotKey(argv, process.env);
  if (key === undefined || process.env.OCLIF_COLUMNS) return false;
  const columns = process.stdout.isTTY ? process.stdout.columns : HELP_SNAPSHOT_COLUMNS;
  if (columns < HELP_SNAPSHOT_COLUMNS) return false;
  let snapshot: HelpSnapshot;
  try {
    snapshot = JSON.parse(
      readFileSync(new URL(`../${HELP_SNAPSHOT_FILE}`, binUrl), 'utf8'),
    ) as HelpSnapshot;
  } catch {
    return false;
  }
  const text = snapshot[key];
  if (text === undefined) return false;
  process.stdout.write(text.split(PLATFORM_PLACEHOLDER).join(PLATFORM));
  return true;
}
