import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver answered, successful or not. */
export interface SlackRequest {
  /** HTTP status the receiver answered with. */
  status: number;
  /** Raw request body as text. */
  body: string;
}

/** Options of one injected failure. */
export interface SlackFailureOptions {
  /** `Retry-After` seconds sent with a 429 (default 1; Slack sends whole seconds). */
  retryAfterSeconds?: number;
}

export interface SlackTestReceiver {
  /** The webhook URL to post to, shaped like Slack's: `http://127.0.0.1:PORT/services/T.../B.../...`. */
  url: string;
  /** JSON bodies of the messages accepted (answered 200 "ok"), in order. */
  readonly messages: unknown[];
  /** Every request, including the refused ones (to count retries). */
  readonly requests: SlackRequest[];
  /**
   * Answers the next `n` (default 1) requests with `status` and Slack's error body for it:
   * 400 invalid_payload, 403 invalid_token, 404 no_service, 410 channel_is_archived,
   * 429 rate_limited (with `Retry-After`), 5xx internal_error.
   */
  failNext(status: number, n?: number, options?: SlackFailureOptions): void;
  /** Forgets messages, requests and pending failures. */
  reset(): void;
  stop(): Promise<void>;
}

interface PendingFailure {
  status: number;
  left: number;
  retryAfterSeconds: number;
}

/** Error body Slack's incoming webhooks send for a status (plain text, not JSON). */
function slackErrorBody(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_payload';
    case 403:
      return 'invalid_token';
    case 404:
      return 'no_service';
    case 410:
      return 'channel_is_archived';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal_error' : 'invalid_request';
  }
}

/** Path of the receiver's one valid webhook (Slack's `/services/T/B/secret` layout). */
const WEBHOOK_PATH = '/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';

/**
 * Starts an HTTP server on 127.0.0.1 that behaves like a Slack incoming webhook: 200 "ok" for
 * a JSON body with `text` or `blocks`, Slack's error statuses and bodies otherwise.
 */
export async function startSlackReceiver(): Promise<SlackTestReceiver> {
  const messages: unknown[] = [];
  const requests: SlackRequest[] = [];
  const failures: PendingFailure[] = [];

  const answer = (
    res: ServerResponse,
    body: string,
    status: number,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end(status === 200 ? 'ok' : slackErrorBody(status));
    requests.push({ status, body });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    if (req.method !== 'POST' || req.url !== WEBHOOK_PATH) {
      answer(res, body, 404);
      return;
    }
    const failure = failures.find((f) => f.left > 0);
    if (failure) {
      failure.left -= 1;
      const headers: Record<string, string> =
        failure.status === 429 ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      answer(res, body, failure.status, headers);
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      answer(res, body, 400);
      return;
    }
    const hasContent =
      typeof payload === 'object' &&
      payload !== null &&
      ((typeof (payload as { text?: unknown }).text === 'string' &&
        (payload as { text: string }).text !== '') ||
        Array.isArray((payload as { blocks?: unknown }).blocks));
    if (!hasContent) {
      // Slack answers `no_text` for a JSON body with neither text nor blocks.
      res.writeHead(400, { 'content-type': 'text/html' });
      res.end('no_text');
      requests.push({ status: 400, body });
      return;
    }
    messages.push(payload);
    answer(res, body, 200);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    messages,
    requests,
    failNext(status, n = 1, options = {}) {
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new RangeError(`failNext: status must be an HTTP 4xx or 5xx, got ${status}`);
      }
      if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`failNext: n must be a positive integer, got ${n}`);
      failures.push({ status, left: n, retryAfterSeconds: options.retryAfterSeconds ?? 1 });
    },
    reset() {
      messages.length = 0;
      requests.length = 0;
      failures.length = 0;
    },
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets of fetch would hold close() open.
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
