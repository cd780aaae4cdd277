export type { Mailer, MailMessage, SendResult } from './mailer.js';
export { createSmtpMailer } from './smtp-mailer.js';
export type { SmtpMailerOptions } from './smtp-options.js';
export { GMAIL_SMTP } from './smtp-options.js';
export { createOutboxMailer, DEFAULT_OUTBOX_DIR } from './outbox-mailer.js';
export type { OutboxMailerOptions } from './outbox-mailer.js';
export { createMailer, mailerFromEnv, mailSettingsFromEnv } from './mailer-from-env.js';
export type { MailerFromEnvOptions, MailSettings } from './mailer-from-env.js';
export {
  DEFAULT_RECIPIENT_VARIABLES,
  MAX_RECIPIENTS_PER_MESSAGE,
  isEmailAddress,
  parseRecipients,
  recipientProblems,
  recipientsFromEnv,
  splitRecipients,
} from './recipients.js';
export type { ParsedRecipients } from './recipients.js';
export { createSlackNotifier, slackFromEnv, slackSettingProblems } from './slack-notifier.js';
export type { SettingProblem } from './setting-problem.js';
export { notifySettingProblems } from './settings-check.js';
export type { SlackNotifier, SlackNotifierOptions, SlackResult } from './slack-notifier.js';
export { messages as notifyMessages } from './i18n/index.js';
export { problemTexts } from './setting-problem.js';
export { createNotifier, notifierProblems } from './notifier.js';
export type {
  Notification,
  NotificationChannel,
  NotificationOutcome,
  Notifier,
  NotifierOptions,
} from './notifier.js';
