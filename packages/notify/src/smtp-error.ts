import type { ErrorCode, MessageKey, ToolbeltError } from '@toolbelt/errors';
import type { en } from './i18n/en.js';
import { messages } from './i18n/index.js';

type SmtpErrorName = MessageKey<(typeof en)['errors']['smtp']>;
type HintName = MessageKey<(typeof en)['hints']>;

/** What an SMTP failure is about, for the message; `password` is only used to redact it. */
export interface SmtpErrorContext {
  /** `smtp://host:port`, no credentials. */
  target: string;
  user: string | undefined;
  password: string | undefined;
  from: string;
  recipients: readonly string[];
  /** Which attempt this was (1 = the first send); a 4xx after retries says how many. */
  attempts?: number;
}

/** The fields nodemailer puts on its errors (see nodemailer's `NodemailerError`). */
interface NodemailerErrorFields {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
  message?: unknown;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const AUTH_REPLIES = new Set([530, 534, 535, 538]);

/** Removes the password (plain and in the base64 forms AUTH PLAIN/LOGIN use) from a text. */
export function redactPassword(
  text: string,
  user: string | undefined,
  password: string | undefined,
): string {
  if (!password) return text;
  const forms = [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`\u0000${user ?? ''}\u0000${password}`).toString('base64'),
  ];
  let out = text;
  for (const form of forms) if (form.length >= 3) out = out.split(form).join('***');
  return out;
}

/** One line of what went wrong, from the server's reply when there is one. */
function reasonOf(err: NodemailerErrorFields, ctx: SmtpErrorContext): string {
  const reply = typeof err.response === 'string' && err.response !== '' ? err.response : undefined;
  const message = typeof err.message === 'string' ? err.message : JSON.stringify(err);
  const text = (reply ?? message).replace(/\s+/g, ' ').trim();
  return redactPassword(text, ctx.user, ctx.password);
}

/**
 * Turns whatever nodemailer rejected with into a ToolbeltError with a code (pure):
 * refused login -> AUTH, unreachable/timeouts -> UNAVAILABLE, 4xx -> TEMPFAIL,
 * 5xx on RCPT -> DATA, 5xx on MAIL FROM -> CONFIG, other 5xx -> UNAVAILABLE.
 * The cause is a copy without anything that could hold the password.
 */
export function toSmtpError(error: unknown, ctx: SmtpErrorContext): ToolbeltError {
  const err: NodemailerErrorFields = typeof error === 'object' && error !== null ? error : {};
  const code = typeof err.code === 'string' ? err.code : undefined;
  const originalCode = typeof err.originalCode === 'string' ? err.originalCode : undefined;
  const reply = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const command = typeof err.command === 'string' ? err.command.toUpperCase() : '';
  const reason = reasonOf(err, ctx);
  const params = {
    target: ctx.target,
    user: ctx.user ?? '(no user)',
    from: ctx.from,
    recipients: ctx.recipients.join(', '),
    reason,
    attempts: ctx.attempts ?? 1,
  };
  const cause = Object.assign(new Error(reason), {
    code,
    originalCode,
    responseCode: reply,
    command: command || undefined,
  });

  const make = (errorCode: ErrorCode, key: SmtpErrorName, hint?: HintName): ToolbeltError =>
    messages.error(errorCode, `errors.smtp.${key}`, params, {
      cause,
      hint: hint && messages.text(`hints.${hint}`),
    });

  if (code === 'EAUTH' || code === 'ENOAUTH' || (reply !== undefined && AUTH_REPLIES.has(reply)))
    return make('AUTH', 'auth', 'smtpAuth');
  if (code === 'ETIMEDOUT' || originalCode === 'ETIMEDOUT') return make('UNAVAILABLE', 'timeout');
  if (
    (code !== undefined && CONNECTION_CODES.has(code)) ||
    (originalCode !== undefined && CONNECTION_CODES.has(originalCode))
  )
    return make('UNAVAILABLE', 'unreachable', 'smtpUnreachable');
  if (reply !== undefined && reply >= 400 && reply < 500)
    return make('TEMPFAIL', (ctx.attempts ?? 1) > 1 ? 'deferredRetried' : 'deferred');
  if (reply !== undefined && reply >= 500) {
    if (command.startsWith('RCPT')) return make('DATA', 'recipientsRejected');
    if (command.startsWith('MAIL')) return make('CONFIG', 'senderRejected', 'smtpSender');
    return make('UNAVAILABLE', 'messageRejected');
  }
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return make('UNAVAILABLE', 'failed');
  // Not a mail-server answer at all: a bug on our side, still returned as a result.
  return make('INTERNAL', 'internal');
}
