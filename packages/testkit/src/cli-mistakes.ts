import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from './run-cli.js';

/** One typed flag of one command and a value it must refuse. */
export interface FlagMistake {
  /** Command id with spaces (`jobs add`). */
  command: string;
  /** Flag name without dashes (absent for an argument). */
  flag?: string;
  /** Argument name (absent for a flag). */
  arg?: string;
  /** A value the flag's own parser refuses (`abc` for an integer, `nope` for a choice). */
  value: string;
}

interface LoadedFlag {
  type?: string;
  options?: readonly string[];
  parse?: (input: string, ctx: unknown, flag: unknown) => unknown;
}

/**
 * Every typed flag of every command of the CLI whose bin is `binPath` (integer, URL, choice or
 * any flag with its own parser), with a value that flag refuses. Found by asking each flag's
 * own parser, so a new typed flag is walked without being listed anywhere.
 */
export async function typedFlagMistakes(binPath: string): Promise<FlagMistake[]> {
  // The app's own @oclif/core, as its bin would load it.
  const require = createRequire(binPath);
  const oclif = (await import(pathToFileURL(require.resolve('@oclif/core')).href)) as {
    Config: { load(root: string): Promise<OclifConfig> };
  };
  const config = await oclif.Config.load(dirname(dirname(binPath)));
  const out: FlagMistake[] = [];
  let first = true;
  for (const command of [...config.commands].sort((a, b) => a.id.localeCompare(b.id))) {
    if (command.hidden) continue;
    const id = command.id.split(':').join(' ');
    const loaded = await command.load();
    // The global flags are the same in every command: walked once, with the first command.
    const flags = first ? { ...loaded.baseFlags, ...loaded.flags } : { ...loaded.flags };
    first = false;
    for (const [name, flag] of Object.entries(flags)) {
      if (flag.type !== 'option') continue;
      const value = await refusedValue(flag);
      if (value !== undefined) out.push({ command: id, flag: name, value });
    }
    for (const [name, arg] of Object.entries(loaded.args ?? {})) {
      const value = await refusedValue(arg);
      if (value !== undefined) out.push({ command: id, arg: name, value });
    }
  }
  return out;
}

/** The argv words of a mistake: `jobs add --file abc` or `rerun abc`. */
export function mistakeArgv(m: FlagMistake): string[] {
  return [...m.command.split(' '), ...(m.flag ? [`--${m.flag}`] : []), m.value];
}

async function refusedValue(flag: LoadedFlag): Promise<string | undefined> {
  for (const value of ['abc', '-5', 'nope://x y']) {
    if (flag.options?.length) return flag.options.includes(value) ? undefined : value;
    if (await refuses(flag, value)) return value;
  }
  return undefined;
}

async function refuses(flag: LoadedFlag, value: string): Promise<boolean> {
  if (!flag.parse) return false;
  try {
    await flag.parse(value, {}, flag);
    return false;
  } catch {
    return true;
  }
}

interface OclifConfig {
  commands: {
    id: string;
    hidden?: boolean;
    load(): Promise<{
      flags?: Record<string, LoadedFlag>;
      baseFlags?: Record<string, LoadedFlag>;
      args?: Record<string, LoadedFlag>;
    }>;
  }[];
}

/** Runs the bin as a program with testkit's clean environment ({@link runCli}); returns what a shell sees. */
export function runBin(
  binPath: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = runCli(binPath, args, options);
  return { status, stdout, stderr };
}

/** Path of the bin of the app whose test file calls this (`<app>/bin/run.js`). */
export function appBin(testFileUrl: string): string {
  return join(dirname(dirname(fileURLToPath(testFileUrl))), 'bin', 'run.js');
}
