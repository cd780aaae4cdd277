import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createI18n } from '@toolbelt/i18n';
import { startSlackReceiver, type SlackTestReceiver } from '@toolbelt/testkit/slack';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackNotifier, slackFromEnv, type SlackResult } from '../src/index.js';
import { messages } from '../src/i18n/index.js';

let receiver: SlackTestReceiver | undefined;
afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

const i18n = createI18n({ lang: 'ru', namespaces: { notify: messages.catalog } });

/** Records the waits instead of sleeping them: retries stay fast and their timing visible. */
function recordingSleep() {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

function failure(result: SlackResult) {
  if (result.ok) throw new Error('expected a failed result');
  return result.error;
}

describe('createSlackNotifier against the Slack webhook stand-in', () => {
  it('posts text and blocks as JSON', { timeout: 60_000 }, async () => {
    receiver = await startSlackReceiver();
    const slack = slackFromEnv({ SLACK_WEBHOOK_URL: receiver.url });
    if (!slack) throw new Error('expected a notifier');
    expect(slack.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/\*\*\*$/);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*3* новых сотрудника' } }];
    expect(await slack.notify('Tech On-boarding Tracker - 23-24 - Success', blocks)).toEqual({
      ok: true,
      attempts: 1,
    });
    expect(receiver.messages).toEqual([
      { text: 'Tech On-boarding Tracker - 23-24 - Success', blocks },
    ]);
  });

  it(
    'retries 429 (honouring Retry-After) and 5xx, then succeeds',
    { timeout: 60_000 },
    async () => {
      receiver = await startSlackReceiver();
      receiver.failNext(429, 1, { retryAfterSeconds: 2 });
      receiver.failNext(503, 1);
      receiver.failNext(500, 1);
      const { waits, sleep } = recordingSleep();
      const slack = createSlackNotifier({ webhookUrl: receiver.url, sleep, backoffMs: 100 });
      expect(await slack.notify('готово')).toEqual({ ok: true, attempts: 4 });
      expect(waits).toEqual([2000, 200, 400]);
      expect(receiver.requests.map((r) => r.status)).toEqual([429, 503, 500, 200]);
      expect(receiver.messages).toEqual([{ text: 'готово' }]);
    },
  );

  it(
    'gives up after the bounded attempts: TEMPFAIL for 429, UNAVAILABLE for 5xx',
    { timeout: 60_000 },
    async () => {
      receiver = await startSlackReceiver();
      const { sleep } = recordingSleep();
      const slack = createSlackNotifier({ webhookUrl: receiver.url, sleep, maxAttempts: 3 });

      receiver.failNext(429, 3, { retryAfterSeconds: 1 });
      const limited = await slack.notify('x');
      expect(limited.attempts).toBe(3);
      expect(failure(limited).code).toBe('TEMPFAIL');

      receiver.failNext(502, 3);
      const down = await slack.notify('x');
      expect(failure(down).code).toBe('UNAVAILABLE');
      expect(failure(down).message).toContain('502');
      expect(receiver.requests).toHaveLength(6);

      // A Retry-After longer than allowed ends the retries at once.
      receiver.failNext(429, 1, { retryAfterSeconds: 3600 });
      const tooLong = await slack.notify('x');
      expect(tooLong).toMatchObject({ ok: false, attempts: 1 });
      expect(failure(tooLong).code).toBe('TEMPFAIL');
      expect(receiver.messages).toEqual([]);
    },
  );

  it(
    'does not retry a permanent 404 and returns it as a failed result, without the URL',
    { timeout: 60_000 },
    async () => {
      receiver = await startSlackReceiver();
      receiver.failNext(404, 5);
      const { waits, sleep } = recordingSleep();
      const slack = createSlackNotifier({ webhookUrl: receiver.url, sleep });
      const result = await slack.notify('x');
      expect(result.attempts).toBe(1);
      expect(waits).toEqual([]);
      const error = failure(result);
      expect(error.code).toBe('CONFIG');
      expect(error.message).toContain('404 no_service');
      expect(i18n.t(error.key ?? '', error.params)).toContain('Вебхук Slack больше не работает');
      const secretPath = new URL(receiver.url).pathname;
      expect(JSON.stringify(result) + error.message + JSON.stringify(error.params)).not.toContain(
        secretPath.slice(10),
      );

      receiver.reset();
      receiver.failNext(400);
      expect(failure(await slack.notify('x')).code).toBe('DATA');
      receiver.failNext(403);
      expect(failure(await slack.notify('x')).code).toBe('AUTH');
    },
  );

  it(
    'returns UNAVAILABLE when nothing listens, never throws, never shows the URL',
    { timeout: 60_000 },
    async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const { port } = probe.address() as AddressInfo;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const url = `http://127.0.0.1:${port}/services/TSECRET01/BSECRET02/verysecrettoken123`;
      const { waits, sleep } = recordingSleep();
      const result = await createSlackNotifier({ webhookUrl: url, sleep, maxAttempts: 2 }).notify(
        'x',
      );
      expect(waits).toHaveLength(1);
      const error = failure(result);
      expect(error.code).toBe('UNAVAILABLE');
      const shown =
        JSON.stringify(result) + error.message + String(error.cause) + JSON.stringify(error.params);
      expect(shown).not.toContain('verysecrettoken123');
      expect(shown).not.toContain('TSECRET01');
    },
  );

  it('uses an injected fetch and reports its timeout as TEMPFAIL', async () => {
    const { sleep } = recordingSleep();
    let calls = 0;
    const fetchThatTimesOut: typeof fetch = () => {
      calls += 1;
      return Promise.reject(
        new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      );
    };
    const result = await createSlackNotifier({
      webhookUrl: 'https://hooks.slack.com/services/T1/B2/abc',
      fetch: fetchThatTimesOut,
      sleep,
    }).notify('x');
    expect(calls).toBe(4);
    expect(failure(result).code).toBe('TEMPFAIL');
    expect(failure(result).key).toBe('notify:errors.slack.timeout');
  });
});

describe('slackFromEnv', () => {
  it('is undefined when SLACK_WEBHOOK_URL is unset or empty', () => {
    expect(slackFromEnv({})).toBeUndefined();
    expect(slackFromEnv({ SLACK_WEBHOOK_URL: '  ' })).toBeUndefined();
  });

  it('throws CONFIG for a value that is not a URL, without repeating it', () => {
    expect(() =>
      slackFromEnv({ SLACK_WEBHOOK_URL: 'hooks.slack.com/services/T1/B2/s3cr3tvalue' }),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFIG',
        problems: ['SLACK_WEBHOOK_URL: not a URL; expected https://hooks.slack.com/services/...'],
      }),
    );
    try {
      slackFromEnv({ SLACK_WEBHOOK_URL: 'ftp://hooks.slack.com/services/T1/B2/s3cr3tvalue' });
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('s3cr3tvalue');
    }
  });
});
