import type { ErrorCode, MessageKey, ToolbeltError } from '@toolbelt/errors';
import { RetryableError, retryAfterMs, withRetry } from '@toolbelt/etl/retry';
import { configError } from '@toolbelt/errors';
import { envValue, type Env } from './env.js';
import type { en } from './i18n/en.js';
import { messages } from './i18n/index.js';
import {
  notifySettingsError,
  problemTexts,
  settingProblem,
  type SettingProblem,
} from './setting-problem.js';

type SlackErrorName = MessageKey<(typeof en)['errors']['slack']>;

/** Options of the Slack incoming-webhook notifier. */
export interface SlackNotifierOptions {
  /** The webhook URL (`https://hooks.slack.com/services/...`). A secret: never shown. */
  webhookUrl: string;
  /** HTTP client; default the global `fetch`. */
  fetch?: typeof fetch;
  /** Attempts per message, first one included. Default 4. */
  maxAttempts?: number;
  /** First wait after a 5xx or network error, doubled each time. Default 1 000 ms. */
  backoffMs?: number;
  /** Longest `Retry-After` honoured; a longer one ends the retries (TEMPFAIL). Default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** Time limit of one request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Waits between attempts; tests may inject a recording one. Default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** Outcome of one Slack message; failures are data, not throws. */
export type SlackResult =
  { ok: true; attempts: number } | { ok: false; attempts: number; error: ToolbeltError };

/** Posts messages to one Slack channel through an incoming webhook. */
export interface SlackNotifier {
  /** Where messages go, without the secret part: `https://hooks.slack.com/services/***`. */
  readonly target: string;
  /** Sends `text` (and optional Block Kit `blocks`); retries 429 and 5xx a bounded number of times. */
  notify(text: string, blocks?: readonly unknown[]): Promise<SlackResult>;
}

function parseWebhookUrl(value: string, name: string): { url?: URL; problem?: SettingProblem } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: settingProblem(name, 'webhookUrl') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { problem: settingProblem(name, 'webhookHttps') };
  return { url };
}

/**
 * The problem with `SLACK_WEBHOOK_URL`, as data to tell in the user's language, or none when
 * it is unset or a URL (see `slackFromEnv`, which throws it in English). Pure.
 */
export function slackSettingProblems(env: Env): SettingProblem[] {
  const value = envValue(env, 'SLACK_WEBHOOK_URL');
  if (value === undefined) return [];
  const { problem } = parseWebhookUrl(value, 'SLACK_WEBHOOK_URL');
  return problem ? [problem] : [];
}

/**
 * A Slack notifier on an incoming webhook. Throws CONFIG at once for a URL that is not one;
 * `notify` never throws. 400 -> DATA, 403 -> AUTH, 404/410 -> CONFIG (the hook is gone),
 * 429 after retries -> TEMPFAIL, 5xx or unreachable after retries -> UNAVAILABLE.
 */
export function createSlackNotifier(options: SlackNotifierOptions): SlackNotifier {
  const { url, problem } = parseWebhookUrl(options.webhookUrl, 'webhookUrl');
  if (!url)
    throw configError([problemTexts(problem ?? settingProblem('webhookUrl', 'webhookUrl'))]);
  const webhook = url.toString();
  const target = `${url.origin}${url.pathname.startsWith('/services/') ? '/services' : ''}/***`;
  const doFetch = options.fetch ?? fetch;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4));
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { sleep } = options;

  // Error texts from HTTP clients can quote the URL; the secret path must never leave here.
  const redact = (text: string): string =>
    text
      .split(webhook)
      .join(target)
      .split(options.webhookUrl)
      .join(target)
      .split(url.pathname)
      .join('/***');

  const fail = (
    code: ErrorCode,
    key: SlackErrorName,
    params: { status?: number; reason?: string },
    attempts: number,
    cause?: unknown,
  ): SlackResult => {
    const safeCause =
      cause === undefined
        ? undefined
        : Object.assign(
            new Error(
              redact(
                cause instanceof Error ? `${cause.name}: ${cause.message}` : JSON.stringify(cause),
              ),
            ),
            {
              code:
                (cause as { cause?: { code?: unknown } }).cause?.code ??
                (cause as { code?: unknown }).code,
            },
          );
    const shown = { ...params, reason: redact(params.reason ?? ''), target, attempts };
    return {
      ok: false,
      attempts,
      error: messages.error(code, `errors.slack.${key}`, shown, { cause: safeCause }),
    };
  };

  return {
    target,
    async notify(text, blocks) {
      const body = JSON.stringify(blocks === undefined ? { text } : { text, blocks });
      let lastStatus = 0;
      let lastReason = '';
      let lastCause: unknown;
      let timedOut = false;
      let attempts = 0;
      /** One POST: a result when it is final, a `RetryableError` for 429, 5xx and no answer. */
      const post = async (previous: number): Promise<SlackResult> => {
        attempts = previous + 1;
        let res: Response;
        try {
          res = await doFetch(webhook, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (err) {
          lastStatus = 0;
          lastCause = err;
          timedOut =
            err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
          lastReason = redact(
            err instanceof Error
              ? ((err.cause as Error | undefined)?.message ?? err.message)
              : String(err),
          );
          throw new RetryableError(lastReason);
        }
        const reason = (await res.text().catch(() => '')).trim().slice(0, 200);
        if (res.ok) return { ok: true, attempts };
        lastStatus = res.status;
        lastReason = reason;
        lastCause = undefined;
        timedOut = false;
        const params = { status: res.status, reason };
        if (res.status === 400) return fail('DATA', 'invalidPayload', params, attempts);
        if (res.status === 401 || res.status === 403)
          return fail('AUTH', 'forbidden', params, attempts);
        if (res.status === 404 || res.status === 410)
          return fail('CONFIG', 'gone', params, attempts);
        if (res.status === 429)
          throw new RetryableError('429', retryAfterMs(res.headers.get('retry-after')));
        if (res.status < 500) return fail('DATA', 'rejected', params, attempts);
        throw new RetryableError(String(res.status));
      };
      try {
        return await withRetry(post, {
          retries: maxAttempts - 1,
          baseDelayMs: backoffMs,
          maxDelayMs: Number.POSITIVE_INFINITY,
          budgetMs: Number.POSITIVE_INFINITY,
          jitter: false,
          // A Retry-After longer than allowed ends the retries at once.
          shouldRetry: (error) =>
            error instanceof RetryableError && (error.retryAfterMs ?? 0) <= maxRetryAfterMs,
          sleep,
        });
      } catch (error) {
        if (!(error instanceof RetryableError)) throw error;
      }
      if (lastStatus === 429) {
        return fail('TEMPFAIL', 'rateLimited', { status: 429, reason: lastReason }, attempts);
      }
      if (timedOut) {
        return fail('TEMPFAIL', 'timeout', { reason: lastReason }, attempts, lastCause);
      }
      const reason = lastStatus > 0 ? `${lastStatus} ${lastReason}` : lastReason;
      return fail(
        'UNAVAILABLE',
        'unavailable',
        { status: lastStatus, reason },
        attempts,
        lastCause,
      );
    },
  };
}

/**
 * The Slack notifier `SLACK_WEBHOOK_URL` selects, or undefined when it is not set (Slack is
 * optional). Throws CONFIG when it is set but not a URL (without repeating the URL).
 */
export function slackFromEnv(
  env: Env,
  options: Omit<SlackNotifierOptions, 'webhookUrl'> = {},
): SlackNotifier | undefined {
  const value = envValue(env, 'SLACK_WEBHOOK_URL');
  if (value === undefined) return undefined;
  const { problem } = parseWebhookUrl(value, 'SLACK_WEBHOOK_URL');
  if (problem) throw notifySettingsError([problem], 'webhook');
  return createSlackNotifier({ ...options, webhookUrl: value });
}
