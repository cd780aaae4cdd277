import { createI18n, type Translate } from '@toolbelt/i18n';
import type { ParamProblem } from '../core/job-params.js';
import { catalogs } from './catalogs.js';

/** Words for one parameter problem, in the language of `t` (`params.*` keys). */
export function wordParamProblem(problem: ParamProblem, t: Translate): string {
  const code =
    problem.code === 'unknown' && !problem.options?.length ? 'unknownNoFields' : problem.code;
  return t(`job-runner:params.${code}`, {
    field: problem.field,
    value: problem.value ?? '',
    options: (problem.options ?? []).join(', '),
  });
}

/**
 * Every problem of a run's parameters as sentences: wrong values first, then each required
 * field with no value (with the `--set` item that gives it).
 */
export function wordParamProblems(
  problems: readonly ParamProblem[],
  missing: readonly string[],
  t: Translate,
): string[] {
  return [
    ...problems.map((p) => wordParamProblem(p, t)),
    ...missing.map((field) => t('job-runner:params.required', { field })),
  ];
}

/** English words for error messages and logs (the shell re-words them in the user's language). */
export const englishT: Translate = createI18n({ lang: 'en', namespaces: catalogs }).t;
