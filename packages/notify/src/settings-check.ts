import type { Env } from './env.js';
import { mailSettingsFromEnv, type MailerFromEnvOptions } from './mailer-from-env.js';
import { DEFAULT_RECIPIENT_VARIABLES, recipientProblems } from './recipients.js';
import type { SettingProblem } from './setting-problem.js';
import { slackSettingProblems } from './slack-notifier.js';

/**
 * Every problem of the notification settings at once (pure, sends and creates nothing): the
 * recipient variables, the e-mail settings (`SMTP_*`, `GMAIL_*`, `MAIL_FROM`) and
 * `SLACK_WEBHOOK_URL`, in that order, as data (`problemTexts` tells them in every language).
 * `channels` limits the check to the channels a tool uses (default both).
 */
export function notifySettingProblems(
  env: Env,
  options: MailerFromEnvOptions & {
    recipientVariables?: readonly string[];
    channels?: readonly ('email' | 'slack')[];
  } = {},
): SettingProblem[] {
  const channels = options.channels ?? ['email', 'slack'];
  return [
    ...(channels.includes('email')
      ? [
          ...recipientProblems(env, options.recipientVariables ?? DEFAULT_RECIPIENT_VARIABLES),
          ...mailSettingsFromEnv(env, options).settingProblems,
        ]
      : []),
    ...(channels.includes('slack') ? slackSettingProblems(env) : []),
  ];
}
