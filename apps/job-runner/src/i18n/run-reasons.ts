import type { Translate } from '@toolbelt/i18n';

/** The engine's reasons (English data in the run record) and the catalog key of each. */
const patterns: readonly {
  match: RegExp;
  key: string;
  params: (m: RegExpExecArray) => Record<string, string | undefined>;
}[] = [
  { match: /^exit code (-?\d+)$/, key: 'exitCode', params: (m) => ({ code: m[1] }) },
  { match: /^cancelled$/, key: 'cancelled', params: () => ({}) },
  { match: /^timed out after (.+) s$/, key: 'timedOut', params: (m) => ({ seconds: m[1] }) },
  { match: /^killed by (.+)$/, key: 'killed', params: (m) => ({ signal: m[1] }) },
  { match: /^could not start: (.*)$/s, key: 'couldNotStart', params: (m) => ({ error: m[1] }) },
  { match: /^interrupted: /, key: 'interrupted', params: () => ({}) },
];

/** Why a run ended, in the language of `t`; a reason of unknown shape is shown as stored. */
export function wordReason(reason: string | null, t: Translate): string {
  if (reason === null) return '';
  for (const { match, key, params } of patterns) {
    const m = match.exec(reason);
    if (m) return t(`job-runner:reasons.${key}`, params(m));
  }
  return reason;
}
