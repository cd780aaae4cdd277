/**
 * The one retry helper of Toolbelt (`@toolbelt/etl/retry`), on `p-retry`: exponential back-off
 * with jitter, an attempt count, a total time budget, `Retry-After`, a classifier and an
 * AbortSignal. It imports nothing of the pipeline, so google and notify use it too.
 */
import pRetry from 'p-retry';

/** What ended the retries (handed to `onGiveUp`). */
export type GiveUpReason =
  /** `shouldRetry` said no. */
  | 'notRetryable'
  /** The attempts ran out. */
  | 'attempts'
  /** The next wait would end beyond the time budget. */
  | 'budget';

/** Told before each wait. */
export interface RetryInfo {
  /** Attempts made so far (1 after the first failure). */
  attempt: number;
  /** The wait about to start. */
  delayMs: number;
  /** The wait the server asked for (`Retry-After`), if it gave one. */
  retryAfterMs: number | undefined;
  error: unknown;
}

/** Why and when the retries ended. */
export interface RetryGiveUp {
  /** The last error `fn` threw. */
  error: unknown;
  reason: GiveUpReason;
  /** Attempts made, the first included. */
  attempts: number;
  /** Time since the first attempt started (by `now`). */
  elapsedMs: number;
  /** For `budget`: the wait that did not fit. */
  delayMs: number | undefined;
  /** For `budget`: the server's `Retry-After` when it was that wait (the caller may say so). */
  retryAfterMs: number | undefined;
  /** The budget that was in force. */
  budgetMs: number;
}

/** Options of {@link withRetry}; every one has a default. */
export interface RetryOptions {
  /** Attempts after the first (default 3). */
  retries?: number;
  /** First back-off step (default 200 ms); doubles each retry. */
  baseDelayMs?: number;
  /** Longest back-off step (default 10 000 ms). A `Retry-After` is honoured even when longer. */
  maxDelayMs?: number;
  /**
   * Total time budget from the first attempt (default 60 000 ms): when the next wait would end
   * later, the retries stop (reason `budget`) instead of waiting for nothing.
   */
  budgetMs?: number;
  /**
   * "Equal jitter" (default on): a back-off waits half its step plus a random part of the
   * other half, and a `Retry-After` gets up to 250 ms more, so callers do not retry in step.
   */
  jitter?: boolean;
  /** Whether an error is worth another attempt (default: it is a {@link RetryableError}). */
  shouldRetry?: (error: unknown) => boolean;
  /** The wait the server asked for (default: a `RetryableError`'s `retryAfterMs`). */
  retryAfter?: (error: unknown) => number | undefined;
  /** Stops the retries: the signal's reason is thrown, as is, before an attempt or during a wait. */
  signal?: AbortSignal;
  /** Told before each wait (for logging). */
  onRetry?: (info: RetryInfo) => void;
  /** The error to throw when the retries end (default the last error, as is). */
  onGiveUp?: (info: RetryGiveUp) => unknown;
  /** Waits `ms` (default a timer that the signal cuts short); tests pass a recorder. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for the budget (default `Date.now`). */
  now?: () => number;
  /** Source of jitter in [0, 1) (default `Math.random`). */
  random?: () => number;
}

/** An error a caller may retry, optionally after the delay the server asked for. */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `Retry-After` (delta-seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(
  headerValue: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = headerValue?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Carries what `fn` threw through p-retry unchanged (p-retry rewraps non-errors, skips TypeErrors). */
class Failed extends Error {
  constructor(
    readonly original: unknown,
    readonly giveUp?: RetryGiveUp,
  ) {
    super('attempt failed');
  }
}

/**
 * Runs `fn` (given the number of attempts before this one: 0, 1, ...), retrying what
 * `shouldRetry` accepts with exponential back-off and jitter, or after the server's
 * `Retry-After`, within `retries` and `budgetMs`. When the retries end, throws what `onGiveUp`
 * returns (default the last error).
 */
export async function withRetry<T>(
  fn: (previousAttempts: number) => T | PromiseLike<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retries = Math.max(0, Math.floor(options.retries ?? 3));
  const base = options.baseDelayMs ?? 200;
  const maxStep = options.maxDelayMs ?? 10_000;
  const budgetMs = options.budgetMs ?? 60_000;
  const jitter = options.jitter ?? true;
  const shouldRetry = options.shouldRetry ?? ((e: unknown) => e instanceof RetryableError);
  const askedWait =
    options.retryAfter ??
    ((e: unknown) => (e instanceof RetryableError ? e.retryAfterMs : undefined));
  const sleep = options.sleep ?? timerSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const { signal } = options;
  const started = now();
  let attempts = 0;

  const giveUp = (
    error: unknown,
    reason: GiveUpReason,
    delayMs?: number,
    retryAfter?: number,
  ): RetryGiveUp => ({
    error,
    reason,
    attempts,
    elapsedMs: now() - started,
    delayMs,
    retryAfterMs: retryAfter,
    budgetMs,
  });

  try {
    return await pRetry(
      async () => {
        attempts += 1;
        try {
          return await fn(attempts - 1);
        } catch (error) {
          throw new Failed(error);
        }
      },
      {
        retries,
        // The waits are ours (injectable sleep and clock, Retry-After): p-retry waits 0.
        minTimeout: 0,
        maxTimeout: 0,
        signal,
        shouldRetry: async ({ error }) => {
          const original = (error as Failed).original;
          if (!shouldRetry(original)) throw new Failed(original, giveUp(original, 'notRetryable'));
          const asked = askedWait(original);
          const step = Math.min(maxStep, base * 2 ** (attempts - 1));
          const delay =
            asked !== undefined
              ? asked + (jitter ? random() * 250 : 0)
              : jitter
                ? step / 2 + random() * (step / 2)
                : step;
          if (now() - started + delay > budgetMs)
            throw new Failed(original, giveUp(original, 'budget', delay, asked));
          options.onRetry?.({
            attempt: attempts,
            delayMs: delay,
            retryAfterMs: asked,
            error: original,
          });
          await sleep(delay, signal);
          return true;
        },
      },
    );
  } catch (error) {
    if (!(error instanceof Failed)) throw error; // the signal's reason
    const info =
      error.giveUp ??
      giveUp(error.original, shouldRetry(error.original) ? 'attempts' : 'notRetryable');
    throw options.onGiveUp ? options.onGiveUp(info) : info.error;
  }
}
