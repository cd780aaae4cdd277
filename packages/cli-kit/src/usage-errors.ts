import { stripVTControlCharacters } from 'node:util';
import {
  commonMessages,
  isToolbeltError,
  type MessageKey,
  type ToolbeltError,
} from '@toolbelt/errors';
import type { common } from '@toolbelt/i18n';
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

type UsageKey =
  Extract<MessageKey<typeof common.en>, `errors.${string}`> extends `errors.${infer K}` ? K : never;

function usage(key: UsageKey, params: Record<string, unknown>, cause: unknown): ToolbeltError {
  return commonMessages.error('USAGE', `errors.${key}`, params, { cause });
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
    return usage(suggestion ? 'flagUnknownSuggest' : 'flagUnknown', { flag, suggestion }, err);
  }
  if ((m = /^Parsing --([\w-]+)\s*\n\s*([\s\S]*)$/.exec(text))) {
    const flag = m[1]!;
    const inner = m[2]!.trim();
    let n: RegExpMatchArray | null;
    if ((n = /^Expected an integer but received: ([\s\S]*)$/.exec(inner)))
      return usage('flagInteger', { flag: `--${flag}`, value: n[1] }, err);
    if (
      (n = /^Expected an integer greater than or equal to (-?\d+) but received: ([\s\S]*)$/.exec(
        inner,
      ))
    )
      return usage('flagMin', { flag: `--${flag}`, min: Number(n[1]), value: n[2] }, err);
    if (
      (n = /^Expected an integer less than or equal to (-?\d+) but received: ([\s\S]*)$/.exec(
        inner,
      ))
    )
      return usage('flagMax', { flag: `--${flag}`, max: Number(n[1]), value: n[2] }, err);
    if ((n = /^Expected a valid url but received: ([\s\S]*)$/.exec(inner)))
      return usage('flagUrl', { flag: `--${flag}`, value: n[1] }, err);
    return usage('flagInvalid', { flag: `--${flag}`, reason: inner }, err);
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
    return usage('argInteger', { arg, value }, err);
  }
  if ((m = /^Expected --([\w-]+)=([\s\S]*) to be one of: ([\s\S]*)$/.exec(text)))
    return usage('flagOption', { flag: `--${m[1]}`, value: m[2], options: m[3] }, err);
  if ((m = /^Flag --([\w-]+) can only be specified once$/.exec(text)))
    return usage('flagTwice', { flag: `--${m[1]}` }, err);
  if ((m = /^Flag --([\w-]+) expects a value$/.exec(text)))
    return usage('flagValue', { flag: `--${m[1]}` }, err);
  if ((m = /^Unexpected arguments?: ([\s\S]*)$/.exec(text)))
    return usage('argUnexpected', { args: m[1] }, err);
  if ((m = /^Missing \d+ required args?:?\s*([\s\S]*)$/.exec(text))) {
    const arg = (m[1] ?? '').split('\n')[0]?.trim().split(/\s+/)[0] ?? '';
    return usage('argMissing', { arg }, err);
  }
  if ((m = /^Expected ([\s\S]*) to be one of: ([\s\S]*)$/.exec(text)))
    return usage('argOption', { value: m[1], options: m[2] }, err);
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
      return usage('flagExclusive', { flag: `--${n[2]}`, other: `--${n[1]}` }, err);
    if (
      (n = /^All of the following must be provided when using --([\w-]+): ([\s\S]*)$/.exec(first))
    )
      return usage('flagDepends', { flag: `--${n[1]}`, others: n[2] }, err);
    if ((n = /^Missing required flag ([\w-]+)$/.exec(first)))
      return usage('flagRequired', { flag: `--${n[1]}` }, err);
    if ((n = /^Exactly one of the following must be provided: ([\s\S]*)$/.exec(first)))
      return usage('flagExactlyOne', { flags: n[1] }, err);
    if ((n = /^At least one of the following must be provided: ([\s\S]*)$/.exec(first)))
      return usage('flagAtLeastOne', { flags: n[1] }, err);
    return usage('usage', { message: reasons.join('; ') }, err);
  }
  return usage('usage', { message: text }, err);
}

/**
 * Several flag problems found together, as one USAGE error (exit 64) listing each in every
 * language; a single problem is returned as it is.
 */
export function usageProblems(problems: readonly ToolbeltError[]): ToolbeltError | undefined {
  if (problems.length <= 1) return problems[0];
  const texts = problems.map((p) => p.texts ?? p.message);
  return commonMessages.error(
    'USAGE',
    'errors.usageList',
    { count: texts.length },
    { problems: texts },
  );
}
