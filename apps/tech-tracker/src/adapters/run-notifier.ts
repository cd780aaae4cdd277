import { configError, type Env } from '@toolbelt/cli-kit';
import { isToolbeltError, type ToolbeltError } from '@toolbelt/errors';
import { createI18n, type Language } from '@toolbelt/i18n';
import { messages } from '../i18n/index.js';

/** Outcome of one notification channel. */
export interface NotificationOutcome {
  channel: 'email' | 'slack';
  /** Where it went, without secrets (`smtp://smtp.gmail.com:465`, `.outbox/`, the Slack hook masked). */
  target: string;
  ok: boolean;
  /** Recipients (e-mail). */
  to?: string[];
  error?: ToolbeltError;
}

/** Sends the run's notification by e-mail and/or Slack; never throws for a delivery failure. */
export interface RunNotifier {
  /** True when at least one channel is configured. */
  readonly configured: boolean;
  send(message: { subject: string; text: string }): Promise<NotificationOutcome[]>;
}

function asError(error: unknown): ToolbeltError {
  if (isToolbeltError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return messages.error('UNAVAILABLE', 'errors.notificationFailed', { reason }, { cause: error });
}

/**
 * Channels from the environment (original names kept): e-mail when `NOTIF_TO_ADDRESS` or
 * `MAIL_TO` lists recipients, through SMTP (`SMTP_*`, or Gmail with `GMAIL_USER`/`GMAIL_PWD`)
 * or else the outbox folder; Slack when `SLACK_WEBHOOK_URL` is set. Invalid settings throw
 * CONFIG before anything is read or written.
 */
export async function createRunNotifier(
  env: Env,
  options: { slackBackoffMs?: number; lang?: Language } = {},
): Promise<RunNotifier> {
  await checkNotifierSettings(env, options.lang);
  const notify = await import('@toolbelt/notify');
  const recipients = notify.recipientsFromEnv(env);
  const mailer = recipients.length > 0 ? notify.mailerFromEnv(env) : undefined;
  const slack = notify.slackFromEnv(env, { backoffMs: options.slackBackoffMs });
  return {
    configured: mailer !== undefined || slack !== undefined,
    async send(message) {
      const outcomes: NotificationOutcome[] = [];
      if (mailer) {
        try {
          const results = await mailer.send({
            to: recipients,
            subject: message.subject,
            text: message.text,
          });
          for (const r of results) {
            outcomes.push(
              r.ok
                ? { channel: 'email', target: mailer.target, ok: true, to: r.recipients }
                : {
                    channel: 'email',
                    target: mailer.target,
                    ok: false,
                    to: r.recipients,
                    error: r.error,
                  },
            );
          }
        } catch (error) {
          outcomes.push({
            channel: 'email',
            target: mailer.target,
            ok: false,
            to: recipients,
            error: asError(error),
          });
        } finally {
          await mailer.close().catch(() => undefined);
        }
      }
      if (slack) {
        const result = await slack.notify(`*${message.subject}*\n${message.text}`);
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

/**
 * Checks every notification setting (recipients, SMTP, Slack) at once and throws one CONFIG
 * error (78) listing all their problems in the run's language (notify's catalog); sends
 * nothing and creates nothing, so a dry run calls it too.
 */
export async function checkNotifierSettings(env: Env, lang: Language = 'en'): Promise<undefined> {
  const notify = await import('@toolbelt/notify');
  const problems = notify.notifySettingProblems(env);
  if (problems.length === 0) return undefined;
  const { t } = createI18n({ lang, namespaces: { notify: notify.notifyCatalog } });
  const error = configError(problems.map((p) => t(p.key, p.params)));
  // The log (and --json cause) keep the English words.
  throw Object.assign(error, { cause: new Error(problems.map(notify.englishProblem).join('; ')) });
}
