import { isToolbeltError, type ToolbeltError } from '@toolbelt/errors';
import { REDACTED, isSecretKey } from '@toolbelt/log';
import { messages } from './i18n/index.js';

/** Where an error happened, to word the message without leaking secrets. */
export interface ErrorContext {
  /** The server, already redacted (see {@link redactUrl}). */
  target: string;
  /** Strings that must never appear in a message (the password). */
  secrets?: readonly string[];
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** `postgres://user:secret@host/db` -> `postgres://user:***@host/db`; unparsable -> a placeholder. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = REDACTED;
    for (const key of [...parsed.searchParams.keys()])
      if (isSecretKey(key)) parsed.searchParams.set(key, REDACTED);
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function scrub(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const secret of secrets ?? []) {
    if (secret) out = out.replaceAll(secret, '***');
  }
  return out;
}

/**
 * Wrap what `pg` or PGlite threw as a ToolbeltError, keeping the original as `cause`:
 * unreachable server -> UNAVAILABLE, refused credentials -> AUTH, unknown database -> CONFIG,
 * server overloaded or starting -> TEMPFAIL, any other SQL error -> INTERNAL with its SQLSTATE
 * in `params.sqlState`.
 */
export function toDatabaseError(error: unknown, context: ErrorContext): ToolbeltError {
  if (isToolbeltError(error)) return error;
  const err = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    constraint?: unknown;
    table?: unknown;
  };
  const code = typeof err.code === 'string' ? err.code : undefined;
  const rawMessage = typeof err.message === 'string' ? err.message : String(error);
  const message = scrub(rawMessage, context.secrets);
  const target = context.target;

  if (
    (code && networkCodes.has(code)) ||
    /Connection terminated|connection timeout|Connection refused|not queryable|terminating connection/i.test(
      rawMessage,
    )
  ) {
    return messages.error(
      'UNAVAILABLE',
      'errors.unreachable',
      { target, message, errno: code },
      { cause: error, hint: messages.text('errors.unreachableHint') },
    );
  }
  if (/SASL|password must be a string|password authentication/i.test(rawMessage)) {
    return authError(error, message, target, code);
  }
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (code.startsWith('28')) return authError(error, message, target, code);
    if (code === '3D000') {
      return messages.error(
        'CONFIG',
        'errors.noDatabase',
        { target, message, sqlState: code },
        { cause: error, hint: messages.text('errors.noDatabaseHint') },
      );
    }
    if (code.startsWith('08') || code === '57P01' || code === '57P02') {
      return messages.error(
        'UNAVAILABLE',
        'errors.unavailable',
        { target, message, sqlState: code },
        { cause: error },
      );
    }
    if (code.startsWith('53') || code === '57P03') {
      return messages.error(
        'TEMPFAIL',
        'errors.busy',
        { target, message, sqlState: code },
        { cause: error, hint: messages.text('errors.busyHint') },
      );
    }
    return messages.error(
      'INTERNAL',
      'errors.sql',
      {
        target,
        message,
        sqlState: code,
        constraint: typeof err.constraint === 'string' ? err.constraint : undefined,
        table: typeof err.table === 'string' ? err.table : undefined,
      },
      { cause: error },
    );
  }
  return messages.error('INTERNAL', 'errors.other', { target, message }, { cause: error });
}

function authError(
  cause: unknown,
  message: string,
  target: string,
  code: string | undefined,
): ToolbeltError {
  return messages.error(
    'AUTH',
    'errors.auth',
    { target, message, sqlState: code },
    { cause, hint: messages.text('errors.authHint') },
  );
}
