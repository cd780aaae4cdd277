import { configError, isToolbeltError, type Texts, type ToolbeltError } from '@toolbelt/errors';
import { envValue, type Env } from './env.js';
import type { Mailer } from './mailer.js';
import { createMailer, mailSettingsFromEnv, type MailerFromEnvOptions } from './mailer-from-env.js';
import { messages } from './i18n/index.js';
import { DEFAULT_RECIPIENT_VARIABLES, recipientsFromEnv } from './recipients.js';
import { notifySettingProblems } from './settings-check.js';
import { problemTexts } from './setting-problem.js';
import {
  createSlackNotifier,
  type SlackNotifier,
  type SlackNotifierOptions,
} from './slack-notifier.js';

/** A way a notification goes out. */
export type NotificationChannel = 'email' | 'slack';

/** Options of {@link createNotifier} and {@link notifierProblems}. */
export interface NotifierOptions {
  /** Variables listing the e-mail recipients, all read (default `MAIL_TO`, `NOTIF_TO_ADDRESS`). */
  recipientVariables?: readonly string[];
  /** The channels this tool uses (default both); a channel not listed is never read nor used. */
  channels?: readonly NotificationChannel[];
  /** Options of the mail settings (the default outbox folder). */
  mail?: MailerFromEnvOptions;
  /** Options of the Slack notifier (back-off, attempts, `fetch`, `sleep`). */
  slack?: Omit<SlackNotifierOptions, 'webhookUrl'>;
}

/** One notification. */
export interface Notification {
  subject: string;
  text: string;
  html?: string;
  /** The Slack text (default: the subject in bold, a line break, the text). */
  slackText?: string;
}

/** What became of a notification on one channel (e-mail: one per message of at most 100 recipients). */
export interface NotificationOutcome {
  channel: NotificationChannel;
  /** Where it went, without secrets (`smtp://smtp.gmail.com:465`, `.outbox/`, the Slack hook masked). */
  target: string;
  ok: boolean;
  /** E-mail: the recipients of this message. */
  to?: string[];
  /** E-mail: the outbox file written. */
  location?: string;
  error?: ToolbeltError;
}

/** The one mail + Slack fan-out of Toolbelt tools; delivery failures are outcomes, not throws. */
export interface Notifier {
  /** True when at least one channel will send (recipients for e-mail, or a Slack webhook). */
  readonly configured: boolean;
  /** The e-mail recipients found (empty when e-mail is not used or nobody is listed). */
  readonly recipients: readonly string[];
  /** The channels that will send, each with its target (no secrets). */
  readonly channels: readonly { channel: NotificationChannel; target: string }[];
  /** Sends by every configured channel, e-mail first; the mail connection is closed afterwards. */
  send(message: Notification): Promise<NotificationOutcome[]>;
}

const uses = (options: NotifierOptions, channel: NotificationChannel): boolean =>
  (options.channels ?? ['email', 'slack']).includes(channel);

/**
 * Every problem of the notification settings of the channels used, at once and pure (sends
 * and creates nothing): recipients, then mail (`SMTP_*`, `GMAIL_*`, `MAIL_FROM`,
 * `OUTBOX_DIR`), then `SLACK_WEBHOOK_URL`. Each is a text in every language.
 */
export function notifierProblems(env: Env, options: NotifierOptions = {}): Texts[] {
  return notifySettingProblems(env, { ...options.mail, ...options }).map(problemTexts);
}

function asError(error: unknown, target: string): ToolbeltError {
  if (isToolbeltError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return messages.error(
    'UNAVAILABLE',
    'errors.notifier.failed',
    { target, reason },
    { cause: error },
  );
}

/**
 * The notifier the environment configures: e-mail to the recipients of `recipientVariables`
 * (through SMTP, Gmail or the outbox folder, as `mailSettingsFromEnv` reads them) and Slack
 * when `SLACK_WEBHOOK_URL` is set. Throws one CONFIG error listing every problem of the
 * settings (see {@link notifierProblems}) before anything is sent or created.
 */
export function createNotifier(env: Env, options: NotifierOptions = {}): Notifier {
  const problems = notifierProblems(env, options);
  if (problems.length > 0) throw configError(problems);
  const recipients = uses(options, 'email')
    ? recipientsFromEnv(env, options.recipientVariables ?? DEFAULT_RECIPIENT_VARIABLES)
    : [];
  const settings =
    recipients.length > 0 ? mailSettingsFromEnv(env, options.mail).settings : undefined;
  const mailer: Mailer | undefined = settings && createMailer(settings);
  const webhookUrl = uses(options, 'slack') ? envValue(env, 'SLACK_WEBHOOK_URL') : undefined;
  const slack: SlackNotifier | undefined =
    webhookUrl === undefined ? undefined : createSlackNotifier({ ...options.slack, webhookUrl });
  const channels: { channel: NotificationChannel; target: string }[] = [];
  if (mailer) channels.push({ channel: 'email', target: mailer.target });
  if (slack) channels.push({ channel: 'slack', target: slack.target });

  const mail = async (message: Notification, to: Mailer): Promise<NotificationOutcome[]> => {
    const base = { channel: 'email' as const, target: to.target };
    try {
      const results = await to.send({
        to: recipients,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      return results.map((r) =>
        r.ok
          ? { ...base, ok: true, to: r.recipients, location: r.location }
          : { ...base, ok: false, to: r.recipients, error: r.error },
      );
    } catch (error) {
      return [{ ...base, ok: false, to: [...recipients], error: asError(error, to.target) }];
    } finally {
      await to.close().catch(() => undefined);
    }
  };

  return {
    configured: channels.length > 0,
    recipients,
    channels,
    async send(message) {
      const outcomes: NotificationOutcome[] = mailer ? await mail(message, mailer) : [];
      if (slack) {
        const result = await slack.notify(
          message.slackText ?? `*${message.subject}*\n${message.text}`,
        );
        outcomes.push(
          result.ok
            ? { channel: 'slack', target: slack.target, ok: true }
            : { channel: 'slack', target: slack.target, ok: false, error: result.error },
        );
      }
      return outcomes;
    },
  };
}
