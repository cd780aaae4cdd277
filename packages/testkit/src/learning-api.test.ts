import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDay, startLearningApi, type LearningApiStandIn } from './learning-api.js';

describe('generateDay', () => {
  it('is deterministic, ordered by time and has the original quirks', () => {
    const a = [...generateDay({ day: '2023-05-31', count: 2000, seed: 5 })];
    const b = [...generateDay({ day: '2023-05-31', count: 2000, seed: 5 })];
    expect(a).toEqual(b);
    expect(a).toHaveLength(2000);
    const times = a.map((r) => r.created_at ?? '');
    expect([...times].sort()).toEqual(times);
    expect(times.every((t) => t.startsWith('2023-05-31 '))).toBe(true);
    expect(a.some((r) => r.lti_user_id === undefined)).toBe(true);
    expect(a.some((r) => typeof r.lti_user_id === 'string' && r.lti_user_id.length !== 32)).toBe(
      true,
    );
    expect(a.some((r) => r.passback_params?.includes('None'))).toBe(true);
    expect(a.some((r) => r.passback_params?.startsWith('{"'))).toBe(true);
    expect(a.some((r) => r.passback_params?.includes("\\'"))).toBe(true);
    expect(a.some((r) => r.attempt_type === 'submit' && r.is_correct === null)).toBe(true);
    expect(
      a.some(
        (r) =>
          !r.passback_params?.includes('lis_outcome_service_url') ||
          !r.passback_params.includes('oauth_consumer_key'),
      ),
    ).toBe(true);
    expect([...generateDay({ day: '2023-06-01', count: 10, seed: 5 })]).not.toEqual(a.slice(0, 10));
  });
});

describe('startLearningApi', () => {
  let api: LearningApiStandIn;
  beforeAll(async () => {
    api = await startLearningApi({ recordsPerDay: 480, chunkRecords: 7 });
  });
  afterAll(() => api.stop());

  const get = (query: Record<string, string>) =>
    fetch(`${api.url}?${new URLSearchParams(query).toString()}`);
  const creds = { client: 'test-client', client_key: 'test-key' };

  it('serves the day or its first hour as a JSON array', async () => {
    const day = await (
      await get({ ...creds, start: '2023-05-31 00:00:00', end: '2023-05-31 23:59:59.999999' })
    ).json();
    expect(day).toEqual([...generateDay({ day: '2023-05-31', count: 480, seed: 1 })]);
    const hour = (await (
      await get({ ...creds, start: '2023-05-31 00:00:00', end: '2023-05-31 00:59:59.999999' })
    ).json()) as { created_at: string }[];
    expect(hour.length).toBe(20);
    expect(hour.every((r) => r.created_at < '2023-05-31 01:00:00')).toBe(true);
    expect(api.requests.at(-1)?.query).toEqual({
      ...creds,
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 00:59:59.999999',
    });
  });

  it('refuses wrong credentials and injects failures', async () => {
    expect(
      (
        await get({
          client: 'x',
          client_key: 'y',
          start: '2023-05-31 00:00:00',
          end: '2023-05-31 01:00:00',
        })
      ).status,
    ).toBe(403);
    api.failNext(2, 502);
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await get({ ...creds, start: '2023-05-31 00:00:00', end: '2023-05-31 00:00:01' })).status,
      );
    expect(statuses).toEqual([502, 502, 200]);
  });
});
