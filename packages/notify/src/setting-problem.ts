import { createI18n, type I18n } from '@toolbelt/i18n';
import { notifyCatalog } from './catalog.js';

/**
 * One problem with a notification setting, as data: its key in the `notify` catalog
 * (`notify:settings.<name>`) and values, so that an app tells it in the user's language
 * (`t(problem.key, problem.params)` with `notifyCatalog` registered as `notify`).
 * `params.name` is the variable or option the problem is about. Never holds a password.
 */
export interface SettingProblem {
  key: `notify:settings.${string}`;
  params: Record<string, string | number> & { name: string };
}

let english: I18n | undefined;

/** A problem in English: the strings of the package's string APIs, logs and tests. */
export function englishProblem(problem: SettingProblem): string {
  english ??= createI18n({ lang: 'en', namespaces: { notify: notifyCatalog } });
  return english.t(problem.key, problem.params);
}

/** Shorthand used by the checks of this package. */
export function settingProblem(
  name: string,
  key: string,
  params: Record<string, string | number> = {},
): SettingProblem {
  return { key: `notify:settings.${key}`, params: { ...params, name } };
}
