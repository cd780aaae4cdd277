import type { ToolbeltError } from '@toolbelt/errors';
import { RetryableError, withRetry } from '@toolbelt/etl/retry';
import type { Transporter } from 'nodemailer';
import { configError } from '@toolbelt/errors';
import type { MailMessage, Mailer, SendResult } from './mailer.js';
import { addressOf, invalidRecipientsResults, planDelivery } from './recipients.js';
import { problemTexts } from './setting-problem.js';
import { toSmtpError, type SmtpErrorContext } from './smtp-error.js';
import {
  resolveSmtpOptions,
  type ResolvedSmtpOptions,
  type SmtpMailerOptions,
} from './smtp-options.js';

export type { SmtpMailerOptions } from './smtp-options.js';

/** A failure that will repeat for every slice (server down, login refused): stop trying. */
function failsEverySlice(error: ToolbeltError): boolean {
  return (
    error.key === 'notify:errors.smtp.auth' ||
    error.key === 'notify:errors.smtp.unreachable' ||
    error.key === 'notify:errors.smtp.timeout'
  );
}

/** A transient refusal (4xx reply): the same message may get through a little later. */
function isDeferred(error: ToolbeltError): boolean {
  return (
    error.key === 'notify:errors.smtp.deferred' ||
    error.key === 'notify:errors.smtp.deferredRetried'
  );
}

/**
 * The `Mailer` on an SMTP server through nodemailer (loaded on first send). Recipients go in
 * messages of at most 100; every slice gets a result, and failures are results, not throws.
 * Recipients refused with a transient 4xx reply are sent again up to `deferredRetries` times
 * (waiting `deferredBackoffMs`, doubled each time). Throws CONFIG at once when the options
 * are invalid.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const { resolved, settingProblems } = resolveSmtpOptions(options);
  if (!resolved)
    throw configError(
      settingProblems.map((p) =>
        problemTexts({ ...p, params: { ...p.params, name: `SMTP ${p.params.name}` } }),
      ),
    );
  const smtp: ResolvedSmtpOptions = resolved;
  const { sleep } = options;
  let transporter: Transporter | undefined;

  const getTransporter = async (): Promise<Transporter> => {
    if (transporter) return transporter;
    const { createTransport } = await import('nodemailer');
    transporter = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.requireTls,
      auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.password ?? '' },
      tls: { rejectUnauthorized: smtp.rejectUnauthorized, servername: smtp.host },
      connectionTimeout: smtp.connectionTimeoutMs,
      greetingTimeout: smtp.connectionTimeoutMs,
      socketTimeout: smtp.socketTimeoutMs,
      // Messages are built from strings only: never let a body reach for local files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      debug: false,
    });
    return transporter;
  };

  const sendSlice = async (
    message: MailMessage,
    from: string,
    slice: string[],
    attempts = 1,
  ): Promise<SendResult[]> => {
    const ctx: SmtpErrorContext = {
      target: smtp.target,
      user: smtp.user,
      password: smtp.password,
      from,
      recipients: slice,
      attempts,
    };
    try {
      const transport = await getTransporter();
      const info = (await transport.sendMail({
        from,
        to: slice,
        subject: message.subject,
        text: message.text,
        html: message.html,
      })) as {
        messageId?: string;
        accepted?: unknown[];
        rejected?: unknown[];
        rejectedErrors?: unknown[];
      };
      const rejected = new Set((info.rejected ?? []).map((r) => addressOf(String(r))));
      const accepted = slice.filter((r) => !rejected.has(addressOf(r)));
      const refused = slice.filter((r) => rejected.has(addressOf(r)));
      const results: SendResult[] = [];
      if (accepted.length > 0)
        results.push({ ok: true, recipients: accepted, messageId: info.messageId ?? '' });
      if (refused.length > 0) {
        const first = info.rejectedErrors?.[0] ?? {
          responseCode: 550,
          command: 'RCPT TO',
          message: 'recipient rejected',
        };
        results.push({
          ok: false,
          recipients: refused,
          error: toSmtpError(first, { ...ctx, recipients: refused }),
        });
      }
      return results;
    } catch (err) {
      return [{ ok: false, recipients: slice, error: toSmtpError(err, ctx) }];
    }
  };

  /** One slice, resending the recipients a 4xx reply deferred; the last refusal is kept. */
  const sendWithRetries = async (
    message: MailMessage,
    from: string,
    slice: string[],
  ): Promise<SendResult[]> => {
    const done: SendResult[] = [];
    let pending = slice;
    let deferred: Extract<SendResult, { ok: false }>[] = [];
    try {
      await withRetry(
        async (previous) => {
          const results = await sendSlice(message, from, pending, previous + 1);
          deferred = results.filter(
            (r): r is Extract<SendResult, { ok: false }> => !r.ok && isDeferred(r.error),
          );
          done.push(...results.filter((r) => r.ok || !isDeferred(r.error)));
          if (deferred.length === 0) return;
          pending = deferred.flatMap((r) => r.recipients);
          throw new RetryableError('deferred');
        },
        {
          retries: smtp.deferredRetries,
          baseDelayMs: smtp.deferredBackoffMs,
          maxDelayMs: Number.POSITIVE_INFINITY,
          budgetMs: Number.POSITIVE_INFINITY,
          jitter: false,
          sleep,
        },
      );
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      done.push(...deferred);
    }
    return done;
  };

  return {
    kind: 'smtp',
    target: smtp.target,
    async send(message) {
      const from = message.from ?? smtp.from;
      const plan = planDelivery(message.to, smtp.maxRecipientsPerMessage);
      const results = invalidRecipientsResults(plan.invalid);
      let fatal: ToolbeltError | undefined;
      for (const slice of plan.slices) {
        // After "server down" or "login refused", the other slices are reported with the same
        // error instead of waiting for the same timeout again.
        if (fatal) {
          results.push({ ok: false, recipients: slice, error: fatal });
          continue;
        }
        const sliceResults = await sendWithRetries(message, from, slice);
        results.push(...sliceResults);
        const failed = sliceResults.find((r) => !r.ok);
        if (failed && !failed.ok && failsEverySlice(failed.error)) fatal = failed.error;
      }
      return results;
    },
    close() {
      transporter?.close();
      transporter = undefined;
      return Promise.resolve();
    },
  };
}
