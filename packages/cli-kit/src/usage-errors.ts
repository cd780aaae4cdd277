import { stripVTControlCharacters } from 'node:util';
import { ToolbeltError, isToolbeltError } from '@toolbelt/errors';
import { closest, distance } from 'fastest-levenshtein';

/** What a usage error needs to know about the command's flags (oclif flag definitions). */
export type FlagTable = Readonly<
  Record<string, { type?: string; allowNo?: boolean; char?: string; aliases?: string[] }>
>;

/**
 * The closest of `candidates` to `input`, when it is close enough to be a likely typo
 * (`--dryrun` -> `--dry-run`, `snc` -> `sync`); undefined otherwise.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const pool = candidates.filter((c) => c.length > 0);
  if (pool.length === 0 || input.length === 0) return undefined;
  const strip = (s: string) => s.replace(/^-+/, '').replace(/[-_]/g, '');
  // Hyphens and underscores are the commonest slips: compare without them first.
  const plain = pool.find((c) => strip(c) === strip(input));
  if (plain) return plain;
  const best = closest(input, pool);
  const bare = input.replace(/^-+/, '');
  // A slip or two (a swapped pair is two edits) in a word of four or more letters.
  const limit = bare.length <= 3 ? 1 : bare.length <= 7 ? 2 : 3;
  return distance(input, best) <= limit ? best : undefined;
}

/** The `--name` spellings a user may type for the given flags. */
export function flagSpellings(flags: FlagTable): string[] {
  const out: string[] = [];
  for (const [name, def] of Object.entries(flags)) {
    out.push(`--${name}`);
    if (def.allowNo) out.push(`--no-${name}`);
    for (const alias of def.aliases ?? []) out.push(`--${alias}`);
  }
  return out;
}

function usage(message: string, key: string, params: Record<string, unknown>, cause: unknown) {
  return new ToolbeltError('USAGE', message, { cause, key: `common:errors.${key}`, params });
}

const noHelpLine = (s: string) => s.replace(/\nSee more help with --help\s*$/, '').trim();

/**
 * Any error from parsing argv -> a USAGE error (exit 64) that names the flag or argument and
 * what it expected, with a catalog key so it is rendered in the user's language.
 * ToolbeltErrors (thrown by a flag's own parse function) pass through unchanged.
 */
export function toUsageError(
  err: unknown,
  flags: FlagTable = {},
  args: readonly string[] = [],
): ToolbeltError {
  if (isToolbeltError(err)) return err;
  if (err instanceof Error && isToolbeltError(err.cause)) return err.cause;
  const raw = err instanceof Error ? err.message : String(err);
  const text = noHelpLine(stripVTControlCharacters(raw));
  const name = err instanceof Error ? err.constructor.name : '';
  let m: RegExpMatchArray | null;

  if (name === 'NonExistentFlagsError' || /^Nonexistent flags?: /.test(text)) {
    const given =
      (err as { flags?: string[] }).flags ?? text.replace(/^Nonexistent flags?: /, '').split(', ');
    const first = given[0] ?? '';
    const flag = first.split('=')[0] ?? first;
    const suggestion = suggest(flag, flagSpellings(flags));
    return usage(
      `Unknown flag ${flag}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      suggestion ? 'flagUnknownSuggest' : 'flagUnknown',
      { flag, ...(suggestion ? { suggestion } : {}) },
      err,
    );
  }
  if ((m = /^Parsing --([\w-]+)\s*\n\s*([\s\S]*)$/.exec(text))) {
    const flag = m[1]!;
    const inner = m[2]!.trim();
    let n: RegExpMatchArray | null;
    if ((n = /^Expected an integer but received: ([\s\S]*)$/.exec(inner)))
      return usage(
        `--${flag} expects an integer, got "${n[1]}".`,
        'flagInteger',
        { flag: `--${flag}`, value: n[1] },
        err,
      );
    if (
      (n = /^Expected an integer greater than or equal to (-?\d+) but received: ([\s\S]*)$/.exec(
        inner,
      ))
    )
      return usage(
        `--${flag} expects an integer of at least ${n[1]}, got "${n[2]}".`,
        'flagMin',
        { flag: `--${flag}`, min: Number(n[1]), value: n[2] },
        err,
      );
    if (
      (n = /^Expected an integer less than or equal to (-?\d+) but received: ([\s\S]*)$/.exec(
        inner,
      ))
    )
      return usage(
        `--${flag} expects an integer of at most ${n[1]}, got "${n[2]}".`,
        'flagMax',
        { flag: `--${flag}`, max: Number(n[1]), value: n[2] },
        err,
      );
    if ((n = /^Expected a valid url but received: ([\s\S]*)$/.exec(inner)))
      return usage(
        `--${flag} expects a URL, got "${n[1]}".`,
        'flagUrl',
        { flag: `--${flag}`, value: n[1] },
        err,
      );
    return usage(`--${flag}: ${inner}`, 'flagInvalid', { flag: `--${flag}`, reason: inner }, err);
  }
  // An argument's own parser (Args.integer): oclif does not say which argument.
  if (
    (m =
      /^Expected an integer (?:greater|less) than or equal to -?\d+ but received: ([\s\S]*)$|^Expected an integer but received: ([\s\S]*)$/.exec(
        text,
      ))
  ) {
    const value = m[1] ?? m[2] ?? '';
    const arg = (args[0] ?? 'argument').toUpperCase();
    return usage(`${arg} expects an integer, got "${value}".`, 'argInteger', { arg, value }, err);
  }
  if ((m = /^Expected --([\w-]+)=([\s\S]*) to be one of: ([\s\S]*)$/.exec(text)))
    return usage(
      `--${m[1]} expects one of ${m[3]}, got "${m[2]}".`,
      'flagOption',
      { flag: `--${m[1]}`, value: m[2], options: m[3] },
      err,
    );
  if ((m = /^Flag --([\w-]+) can only be specified once$/.exec(text)))
    return usage(
      `--${m[1]} was given more than once; give it once.`,
      'flagTwice',
      { flag: `--${m[1]}` },
      err,
    );
  if ((m = /^Flag --([\w-]+) expects a value$/.exec(text)))
    return usage(`--${m[1]} expects a value.`, 'flagValue', { flag: `--${m[1]}` }, err);
  if ((m = /^Unexpected arguments?: ([\s\S]*)$/.exec(text)))
    return usage(`Unexpected argument: ${m[1]}.`, 'argUnexpected', { args: m[1] }, err);
  if ((m = /^Missing \d+ required args?:?\s*([\s\S]*)$/.exec(text))) {
    const arg = (m[1] ?? '').split('\n')[0]?.trim().split(/\s+/)[0] ?? '';
    return usage(`Missing argument ${arg}.`, 'argMissing', { arg }, err);
  }
  if ((m = /^Expected ([\s\S]*) to be one of: ([\s\S]*)$/.exec(text)))
    return usage(
      `Expected one of ${m[2]}, got "${m[1]}".`,
      'argOption',
      { value: m[1], options: m[2] },
      err,
    );
  if (/^The following errors? occurred:/.test(text)) {
    const reasons = text
      .replace(/^The following errors? occurred:\s*/, '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const first = reasons[0] ?? text;
    let n: RegExpMatchArray | null;
    if (
      (n = /^--([\w-]+)=\S* cannot also be provided when using --([\w-]+)$/.exec(first)) ||
      (n = /^--([\w-]+) cannot also be provided when using --([\w-]+)$/.exec(first))
    )
      return usage(
        `--${n[2]} cannot be used together with --${n[1]}.`,
        'flagExclusive',
        { flag: `--${n[2]}`, other: `--${n[1]}` },
        err,
      );
    if (
      (n = /^All of the following must be provided when using --([\w-]+): ([\s\S]*)$/.exec(first))
    )
      return usage(
        `--${n[1]} also needs ${n[2]}.`,
        'flagDepends',
        { flag: `--${n[1]}`, others: n[2] },
        err,
      );
    if ((n = /^Missing required flag ([\w-]+)$/.exec(first)))
      return usage(`--${n[1]} is required.`, 'flagRequired', { flag: `--${n[1]}` }, err);
    if ((n = /^Exactly one of the following must be provided: ([\s\S]*)$/.exec(first)))
      return usage(`Give exactly one of ${n[1]}.`, 'flagExactlyOne', { flags: n[1] }, err);
    if ((n = /^At least one of the following must be provided: ([\s\S]*)$/.exec(first)))
      return usage(`Give at least one of ${n[1]}.`, 'flagAtLeastOne', { flags: n[1] }, err);
    return usage(reasons.join('; '), 'usage', { message: reasons.join('; ') }, err);
  }
  return usage(text, 'usage', { message: text }, err);
}

/**
 * Several flag problems found together, as one USAGE error (exit 64) listing each, rendered
 * with `t` in the user's language; a single problem is returned as it is.
 */
export function usageProblems(
  problems: readonly ToolbeltError[],
  t: (key: string, params?: Record<string, unknown>) => string,
): ToolbeltError | undefined {
  if (problems.length <= 1) return problems[0];
  const texts = problems.map((p) => (p.key ? t(p.key, p.params) : p.message));
  return new ToolbeltError('USAGE', `${texts.length} problems with the flags:`, {
    key: 'common:errors.usageList',
    params: { count: texts.length },
    problems: texts,
  });
}
