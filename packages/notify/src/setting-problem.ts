import { commonMessages, type MessageKey, type Texts, type ToolbeltError } from '@toolbelt/errors';
import type { en } from './i18n/en.js';
import { messages } from './i18n/index.js';

/** A key of the `problems` kind of the notify catalog (`port`, `address`, ...). */
export type ProblemName = MessageKey<(typeof en)['problems']>;

/**
 * One problem with a notification setting, as data: its key in the `notify` catalog
 * (`notify:problems.<name>`) and values. `params.name` is the variable or option the problem
 * is about. Never holds a password. Tell it with {@link problemTexts} (every language) or
 * {@link englishProblem}.
 */
export interface SettingProblem {
  key: `notify:problems.${ProblemName}`;
  params: Record<string, string | number> & { name: string };
}

const keyOf = (problem: SettingProblem) =>
  problem.key.slice('notify:'.length) as `problems.${ProblemName}`;

/** A problem in every language: what settings errors list. */
export function problemTexts(problem: SettingProblem): Texts {
  return messages.text(keyOf(problem), problem.params);
}

/** A problem in English: the log line and the tests' words. */
export function englishProblem(problem: SettingProblem): string {
  return messages.format('en', keyOf(problem), problem.params);
}

/** Shorthand used by the checks of this package. */
export function settingProblem(
  name: string,
  key: ProblemName,
  params: Record<string, string | number> = {},
): SettingProblem {
  return { key: `notify:problems.${key}`, params: { ...params, name } };
}

/** The CONFIG error listing `problems` (every language), with how to fix them. */
export function notifySettingsError(
  problems: readonly SettingProblem[],
  hint: MessageKey<(typeof en)['hints']>,
): ToolbeltError {
  return commonMessages.error(
    'CONFIG',
    'errors.config',
    {},
    { problems: problems.map(problemTexts), hint: messages.text(`hints.${hint}`) },
  );
}
