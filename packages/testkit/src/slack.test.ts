import { afterEach, describe, expect, it } from 'vitest';
import { startSlackReceiver, type SlackTestReceiver } from './slack.js';

let receiver: SlackTestReceiver | undefined;

afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

function post(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('startSlackReceiver', () => {
  it('accepts JSON messages like a Slack incoming webhook', { timeout: 60_000 }, async () => {
    receiver = await startSlackReceiver();
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/T\w+\/B\w+\/\w+$/);
    const res = await post(receiver.url, JSON.stringify({ text: 'Готово: 3 новых' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(receiver.messages).toEqual([{ text: 'Готово: 3 новых' }]);
  });

  it("answers Slack's errors for bad payloads and unknown hooks", { timeout: 60_000 }, async () => {
    receiver = await startSlackReceiver();
    const notJson = await post(receiver.url, 'text=hi');
    expect([notJson.status, await notJson.text()]).toEqual([400, 'invalid_payload']);
    const empty = await post(receiver.url, '{}');
    expect([empty.status, await empty.text()]).toEqual([400, 'no_text']);
    const unknown = await post(receiver.url.replace(/\/[^/]+$/, '/other'), '{"text":"x"}');
    expect([unknown.status, await unknown.text()]).toEqual([404, 'no_service']);
    expect(receiver.messages).toEqual([]);
    expect(receiver.requests.map((r) => r.status)).toEqual([400, 400, 404]);
  });

  it(
    'fails the next requests on demand, with Retry-After on 429',
    { timeout: 60_000 },
    async () => {
      receiver = await startSlackReceiver();
      receiver.failNext(429, 1, { retryAfterSeconds: 7 });
      receiver.failNext(503, 2);
      const limited = await post(receiver.url, '{"text":"a"}');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(await limited.text()).toBe('rate_limited');
      const down1 = await post(receiver.url, '{"text":"a"}');
      const down2 = await post(receiver.url, '{"text":"a"}');
      expect([down1.status, await down1.text(), down2.status]).toEqual([
        503,
        'internal_error',
        503,
      ]);
      const ok = await post(receiver.url, '{"text":"a"}');
      expect(ok.status).toBe(200);
      expect(receiver.messages).toHaveLength(1);
      expect(receiver.requests).toHaveLength(4);
      receiver.reset();
      expect(receiver.requests).toHaveLength(0);
      expect(() => receiver?.failNext(200)).toThrow(RangeError);
    },
  );
});
