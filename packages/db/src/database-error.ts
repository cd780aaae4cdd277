import { ToolbeltError, isToolbeltError } from '@toolbelt/errors';
import { REDACTED, isSecretKey } from '@toolbelt/log';

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
    return new ToolbeltError('UNAVAILABLE', `Database ${target} is unreachable: ${message}`, {
      cause: error,
      hint: 'Check that the server is running and that DATABASE_URL points to it',
      params: { target, ...(code ? { errno: code } : {}) },
    });
  }
  if (/SASL|password must be a string|password authentication/i.test(rawMessage)) {
    return authError(error, message, target, code);
  }
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (code.startsWith('28')) return authError(error, message, target, code);
    if (code === '3D000') {
      return new ToolbeltError('CONFIG', `Database ${target}: ${message}`, {
        cause: error,
        hint: 'Create the database or fix the name in DATABASE_URL',
        params: { target, sqlState: code },
      });
    }
    if (code.startsWith('08') || code === '57P01' || code === '57P02') {
      return new ToolbeltError('UNAVAILABLE', `Database ${target} is unavailable: ${message}`, {
        cause: error,
        params: { target, sqlState: code },
      });
    }
    if (code.startsWith('53') || code === '57P03') {
      return new ToolbeltError('TEMPFAIL', `Database ${target} is busy: ${message}`, {
        cause: error,
        hint: 'Try again later',
        params: { target, sqlState: code },
      });
    }
    return new ToolbeltError('INTERNAL', `SQL error ${code}: ${message}`, {
      cause: error,
      params: {
        target,
        sqlState: code,
        ...(typeof err.constraint === 'string' ? { constraint: err.constraint } : {}),
        ...(typeof err.table === 'string' ? { table: err.table } : {}),
      },
    });
  }
  return new ToolbeltError('INTERNAL', `Database ${target}: ${message}`, {
    cause: error,
    params: { target },
  });
}

function authError(
  cause: unknown,
  message: string,
  target: string,
  code: string | undefined,
): ToolbeltError {
  return new ToolbeltError('AUTH', `Database ${target} refused the credentials: ${message}`, {
    cause,
    hint: 'Check the user name and password in DATABASE_URL',
    params: { target, ...(code ? { sqlState: code } : {}) },
  });
}
