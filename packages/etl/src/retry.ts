/** Back-off settings for retried calls. */
export interface RetryOptions {
  /** Attempts after the first (default 3). */
  retries?: number;
  /** First delay; doubles each attempt, with jitter (default 200 ms). */
  baseDelayMs?: number;
  /** Longest delay, also caps `Retry-After` (default 10 s). */
  maxDelayMs?: number;
  /** Waits `ms` (default a timer); tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1) (default Math.random). */
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

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn`, retrying when it throws a `RetryableError`: exponential back-off with jitter,
 * or the server's `Retry-After` when it gave one. Other errors go straight through; the last
 * `RetryableError` is rethrown when attempts run out.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 3;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt >= retries) throw error;
      const backoff = base * 2 ** attempt * (0.5 + random() / 2);
      await sleep(Math.min(max, error.retryAfterMs ?? backoff));
    }
  }
}

/** `Retry-After` header (seconds or HTTP date) in milliseconds, if present and sane. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
