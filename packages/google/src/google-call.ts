/** Every Google call goes through here: counted by method, retried with back-off, errors mapped. */
import { ToolbeltError, type ErrorCode, type MessageKey, type Texts } from '@toolbelt/errors';
import { retryAfterMs, withRetry } from '@toolbelt/etl/retry';
import type { en } from './i18n/en.js';
import { messages } from './i18n/index.js';
import type { CallCounts } from './ports.js';

type ErrorName = MessageKey<(typeof en)['errors']>;

/** How long and how often to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 6). */
  maxAttempts?: number;
  /** Give up when the next wait would end later than this after the first attempt (default 60 000 ms). */
  maxElapsedMs?: number;
  /** First back-off step (default 500 ms); doubles each retry, with jitter. */
  baseDelayMs?: number;
  /** Longest single back-off (default 32 000 ms). `Retry-After` is honoured even when longer. */
  maxDelayMs?: number;
}

/** Options every Google adapter accepts. */
export interface GoogleCallOptions {
  retry?: RetryPolicy;
  /** Per-request timeout (default 60 000 ms); a timed-out request is retried. */
  timeoutMs?: number;
  /** Where the credentials came from, named in AUTH errors (e.g. `CREDENTIALS_FILE=/keys/sa.json`). */
  authSource?: string;
  /** Share one counter between adapters, so a tool reports all its calls together. */
  caller?: GoogleCaller;
  /** Injected for tests: wait, random in [0,1), clock. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Told before each retry wait (for logging). */
  onRetry?: (info: {
    method: string;
    attempt: number;
    delayMs: number;
    status: number | undefined;
    reason: string | undefined;
  }) => void;
}

/** Per-request options handed to the googleapis method (gaxios must not retry by itself). */
export interface RequestOptions {
  retry: false;
  timeout: number;
}

export interface GoogleCaller {
  /** Run `request` (one HTTP call of `method`) with counting, retries and error mapping. */
  call<T>(
    method: string,
    request: (options: RequestOptions) => Promise<T>,
    target?: string,
  ): Promise<T>;
  /** HTTP requests sent, by method, retries included (each one counts against quota). */
  callCounts(): CallCounts;
}

/** What a failed call means. */
export interface GoogleFailure {
  status: number | undefined;
  /** Google's reason (`rateLimitExceeded`, `RATE_LIMIT_EXCEEDED`, `duplicate`, `invalid_grant`) or a network code. */
  reason: string | undefined;
  message: string;
  retryAfterMs: number | undefined;
  retryable: boolean;
}

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded', 'dailyLimitExceededUnreg']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'TimeoutError',
  'AbortError',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    const name = (e as { name?: unknown }).name;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    if (typeof name === 'string' && NETWORK_CODES.has(name)) return name;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Classify a gaxios error (or any thrown value) from a Google call. */
export function classifyGoogleError(error: unknown, now: number): GoogleFailure {
  const err = error as {
    status?: number;
    response?: { status?: number; data?: unknown; headers?: unknown };
    message?: string;
  };
  const status = err.response?.status ?? (typeof err.status === 'number' ? err.status : undefined);
  const data = err.response?.data as { error?: unknown; error_description?: string } | undefined;
  let reason: string | undefined;
  let message = err.message ?? String(error);
  if (data && typeof data.error === 'string') {
    // OAuth token endpoint: `{error: 'invalid_grant', error_description}`.
    reason = data.error;
    message = data.error_description ?? data.error;
  } else if (data && typeof data.error === 'object' && data.error) {
    const body = data.error as {
      message?: string;
      status?: string;
      errors?: { reason?: string }[];
      details?: { reason?: string }[];
    };
    message = body.message ?? message;
    reason =
      body.errors?.find((e) => e.reason)?.reason ??
      body.details?.find((d) => d.reason)?.reason ??
      body.status;
  }
  if (status === undefined) {
    const code = networkCode(error);
    return {
      status,
      reason: code,
      message,
      retryAfterMs: undefined,
      retryable: code !== undefined,
    };
  }
  const retryAfter = retryAfterMs(header(err.response?.headers, 'retry-after'), now);
  const retryable =
    status === 429 ||
    status >= 500 ||
    (status === 403 && reason !== undefined && RATE_REASONS.has(reason));
  return { status, reason, message, retryAfterMs: retryAfter, retryable };
}

/** The ToolbeltError for a failure that retries did not (or must not) fix. */
export function toGoogleError(
  failure: GoogleFailure,
  context: {
    method: string;
    target: string;
    source: string;
    attempts: number;
    elapsedMs: number;
    cause: unknown;
    /** Set when retries stopped because the server's Retry-After is beyond the time budget. */
    retryAfterBeyondBudgetMs?: number;
  },
): ToolbeltError {
  const params = {
    method: context.method,
    target: context.target,
    source: context.source,
    message: failure.message,
    status: failure.status,
    reason: failure.reason,
    attempts: context.attempts,
    seconds: Math.round(context.elapsedMs / 1000),
    retryAfterSeconds: Math.round((failure.retryAfterMs ?? 0) / 1000),
    budgetSeconds: Math.round((context.retryAfterBeyondBudgetMs ?? 0) / 1000),
  };
  const make = (code: ErrorCode, name: ErrorName, hint?: Texts): ToolbeltError =>
    messages.error(code, `errors.${name}`, params, { cause: context.cause, hint });
  const { status, reason } = failure;
  if (status === undefined) {
    if (reason === 'TimeoutError' || reason === 'ETIMEDOUT' || reason === 'AbortError')
      return make('TEMPFAIL', 'unavailable');
    return make('UNAVAILABLE', 'unavailable');
  }
  if (
    status === 401 ||
    (status === 400 &&
      (reason === 'invalid_grant' ||
        reason === 'invalid_client' ||
        reason === 'unauthorized_client'))
  ) {
    return make('AUTH', 'refused', messages.text('hints.signInAgain'));
  }
  if (status === 429 || (status === 403 && reason !== undefined && RATE_REASONS.has(reason)))
    return make(
      'TEMPFAIL',
      context.retryAfterBeyondBudgetMs !== undefined && failure.retryAfterMs !== undefined
        ? 'rateLimitedRetryAfter'
        : 'rateLimited',
    );
  if (status === 403 && reason !== undefined && QUOTA_REASONS.has(reason))
    return make('TEMPFAIL', 'quota');
  if (status === 403) return make('AUTH', 'permission');
  if (status >= 500) return make('UNAVAILABLE', 'unavailable');
  if (status === 404) return make('CONFIG', 'notFound');
  return make('DATA', 'badRequest');
}

/** HTTP status of a ToolbeltError made by a Google call (for adapters that handle 404/409/410). */
export function googleStatusOf(error: unknown): number | undefined {
  const status = (error as { params?: { status?: unknown } }).params?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Create the counter + retrier that adapters share. */
export function createGoogleCaller(options: Omit<GoogleCallOptions, 'caller'> = {}): GoogleCaller {
  const counts: CallCounts = {};
  const policy = {
    maxAttempts: 6,
    maxElapsedMs: 60_000,
    baseDelayMs: 500,
    maxDelayMs: 32_000,
    ...options.retry,
  };
  const timeout = options.timeoutMs ?? 60_000;
  const now = options.now ?? Date.now;
  const source = options.authSource ?? 'the configured Google credentials';
  return {
    call<T>(method: string, request: (o: RequestOptions) => Promise<T>, target = ''): Promise<T> {
      const failureOf = (error: unknown): GoogleFailure | undefined =>
        error instanceof ToolbeltError ? undefined : classifyGoogleError(error, now());
      return withRetry(
        () => {
          counts[method] = (counts[method] ?? 0) + 1;
          return request({ retry: false, timeout });
        },
        {
          retries: policy.maxAttempts - 1,
          baseDelayMs: policy.baseDelayMs,
          maxDelayMs: policy.maxDelayMs,
          budgetMs: policy.maxElapsedMs,
          shouldRetry: (error) => failureOf(error)?.retryable ?? false,
          retryAfter: (error) => failureOf(error)?.retryAfterMs,
          sleep: options.sleep,
          now,
          random: options.random,
          onRetry: (info) => {
            const failure = failureOf(info.error);
            options.onRetry?.({
              method,
              attempt: info.attempt,
              delayMs: Math.round(info.delayMs),
              status: failure?.status,
              reason: failure?.reason,
            });
          },
          onGiveUp: (info) => {
            const failure = failureOf(info.error);
            if (!failure) return info.error;
            return toGoogleError(failure, {
              method,
              target,
              source,
              attempts: info.attempts,
              elapsedMs: info.elapsedMs,
              cause: info.error,
              // Say what happened: the wait the server asked for is beyond the budget, so no retry.
              retryAfterBeyondBudgetMs:
                info.reason === 'budget' && info.retryAfterMs !== undefined
                  ? info.budgetMs
                  : undefined,
            });
          },
        },
      );
    },
    callCounts: () => ({ ...counts }),
  };
}
