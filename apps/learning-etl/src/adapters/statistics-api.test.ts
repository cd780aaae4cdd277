import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { requestWindow } from '../core/dates.js';
import { readJsonArray } from './record-stream.js';
import { openStatistics, statisticsUrl } from './statistics-api.js';

let api: LearningApiStandIn;
beforeAll(async () => {
  api = await startLearningApi({ recordsPerDay: 48 });
});
afterAll(() => api.stop());

const options = (over: Record<string, unknown> = {}) => ({
  url: api.url,
  client: 'test-client',
  clientKey: 'test-key',
  retry: {
    retries: 3,
    baseDelayMs: 1,
    sleep: (ms: number) => {
      delays.push(ms);
      return Promise.resolve();
    },
  },
  ...over,
});
let delays: number[] = [];

async function count(source: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const _ of readJsonArray(source)) n++;
  return n;
}

describe('openStatistics', () => {
  it('sends client, client_key, start and end', () => {
    const url = statisticsUrl(
      { url: 'https://b2b.itresume.ru/api/statistics', client: 'Skillfactory', clientKey: 'k&y' },
      requestWindow('2023-05-31', true),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client: 'Skillfactory',
      client_key: 'k&y',
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 00:59:59.999999',
    });
  });

  it('retries 5xx with growing back-off, then streams the records', async () => {
    delays = [];
    api.failNext(2, 503);
    const retried: number[] = [];
    const source = await openStatistics(
      options({ onRetry: (attempt: number) => retried.push(attempt) }),
      requestWindow('2023-05-31', false),
    );
    expect(await count(source)).toBe(48);
    expect(retried).toEqual([1, 2]);
    expect(delays).toHaveLength(2);
  });

  it('gives UNAVAILABLE after the retries, TEMPFAIL for 429, AUTH for 403 without retrying', async () => {
    api.failNext(4, 502);
    await expect(
      openStatistics(options(), requestWindow('2023-05-31', false)),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    api.failNext(4, 429);
    await expect(
      openStatistics(options(), requestWindow('2023-05-31', false)),
    ).rejects.toMatchObject({ code: 'TEMPFAIL' });
    const before = api.requests.length;
    const error = await openStatistics(
      options({ clientKey: 'nope' }),
      requestWindow('2023-05-31', false),
    ).catch((e: unknown) => e);
    expect(isToolbeltError(error) && error.code).toBe('AUTH');
    expect(api.requests.length - before).toBe(1);
    expect(String((error as Error).message)).not.toContain('nope');
  });

  it('times out a request that gets no answer and retries it', async () => {
    api.hangNext(1);
    const source = await openStatistics(
      options({ timeoutMs: 300 }),
      requestWindow('2023-05-31', false),
    );
    expect(await count(source)).toBe(48);
  });

  it('an unreachable server is UNAVAILABLE and its message hides the key', async () => {
    const error = await openStatistics(
      options({ url: 'http://127.0.0.1:1/api/statistics', clientKey: 'secret-key-value' }),
      requestWindow('2023-05-31', false),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(
      JSON.stringify({
        message: (error as Error).message,
        params: (error as { params: unknown }).params,
      }),
    ).not.toContain('secret-key-value');
  });
});
