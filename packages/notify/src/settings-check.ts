import type { Env } from './env.js';
import { mailSettingsFromEnv, type MailerFromEnvOptions } from './mailer-from-env.js';
import { DEFAULT_RECIPIENT_VARIABLES, recipientProblems } from './recipients.js';
import type { SettingProblem } from './setting-problem.js';
import { slackSettingProblems } from './slack-notifier.js';

/**
 * Every problem of the notification settings at once (pure, sends and creates nothing): the
 * recipient variables, the e-mail settings (`SMTP_*`, `GMAIL_*`, `MAIL_FROM`) and
 * `SLACK_WEBHOOK_URL`, in that order, as data: tell them with
 * `t(problem.key, problem.params)` (the `notify` catalog) or `englishProblem`.
 */
export function notifySettingProblems(
  env: Env,
  options: MailerFromEnvOptions & { recipientVariables?: readonly string[] } = {},
): SettingProblem[] {
  return [
    ...recipientProblems(env, options.recipientVariables ?? DEFAULT_RECIPIENT_VARIABLES),
    ...mailSettingsFromEnv(env, options).settingProblems,
    ...slackSettingProblems(env),
  ];
}
