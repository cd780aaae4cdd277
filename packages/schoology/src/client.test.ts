import { isToolbeltError, type ToolbeltError } from '@toolbelt/errors';
import { RetryableError } from '@toolbelt/etl';
import {
  startSchoologyStandIn,
  type SchoologyStandIn,
  type SchoologyUser,
} from '@toolbelt/testkit/schoology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchoologyClient, schoologyOptionsFromEnv } from './index.js';

const KEY = 'ck-test';
const SECRET = 'cs-test-secret';
let api: SchoologyStandIn;

const users: SchoologyUser[] = Array.from({ length: 45 }, (_, i) => ({
  id: i + 1,
  school_uid: `u${i + 1}`,
  name_first: 'F',
  name_last: `L${i + 1}`,
  building_id: 1,
}));

beforeAll(async () => {
  api = await startSchoologyStandIn({ users, consumerKey: KEY, consumerSecret: SECRET });
});
afterAll(() => api.stop());

const client = (secret = SECRET) =>
  createSchoologyClient({ baseUrl: `${api.url}/`, consumerKey: KEY, consumerSecret: secret });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createSchoologyClient against the stand-in', () => {
  it('streams a collection page by page, each request signed', async () => {
    const schoology = client();
    const before = api.requests.length;
    const seen: number[] = [];
    for await (const user of schoology.streamPaged<SchoologyUser>('users', { limit: 20 }))
      seen.push(user.id);
    expect(seen).toEqual(users.map((u) => u.id));
    const pages = api.requests.slice(before);
    expect(pages.map((r) => [r.method, r.status, r.query.start ?? '0'])).toEqual([
      ['GET', 200, '0'],
      ['GET', 200, '20'],
      ['GET', 200, '40'],
    ]);
    expect(schoology.requests).toBe(3);
  });

  it('gets one resource and puts records in bulk', async () => {
    const schoology = client();
    const found = await schoology.getJson<{ user: SchoologyUser[] }>('users?school_uids=u2,u3');
    expect(found.user.map((u) => u.id)).toEqual([2, 3]);
    const accepted = await schoology.bulkPut('users', [
      { id: 2, building_id: 7, additional_buildings: '8' },
      { id: 999, building_id: 7 },
    ]);
    expect(accepted).toBe(1);
    expect(api.users.get(2)).toMatchObject({ building_id: 7, additional_buildings: '8' });
    expect(schoology.requests).toBe(2);
  });

  it('a refused signature is an AUTH error from the catalog, in English and Russian', async () => {
    const error = (await caught(client('wrong').getJson('users'))) as ToolbeltError;
    expect(isToolbeltError(error)).toBe(true);
    expect(error.code).toBe('AUTH');
    expect(error.key).toBe('schoology:errors.answered');
    expect(error.message).toBe(`GET ${api.url}/users answered 401`);
    expect(error.localized('ru').message).toBe(`GET ${api.url}/users: ответ 401`);
  });

  it('a PUT refused for another reason is UNAVAILABLE', async () => {
    const error = (await caught(
      client().bulkPut(
        'users',
        Array.from({ length: 51 }, (_, i) => ({ id: i + 1 })),
      ),
    )) as ToolbeltError;
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(`PUT ${api.url}/users answered 400`);
  });

  it('429 and 5xx answers are retryable', async () => {
    const busy = await startSchoologyStandIn({
      users,
      consumerKey: KEY,
      consumerSecret: SECRET,
      failFirst: 1,
    });
    try {
      const schoology = createSchoologyClient({
        baseUrl: busy.url,
        consumerKey: KEY,
        consumerSecret: SECRET,
      });
      const error = await caught(schoology.getJson('users'));
      expect(error).toBeInstanceOf(RetryableError);
      expect((error as Error).message).toBe(`GET ${busy.url}/users answered 503`);
      await expect(schoology.getJson('users')).resolves.toMatchObject({ total: 45 });
    } finally {
      await busy.stop();
    }
  });
});

describe('schoologyOptionsFromEnv', () => {
  it('reads the three settings', () => {
    expect(
      schoologyOptionsFromEnv({
        SCHOOLOGY_BASE_URL: 'https://api.schoology.com/v1',
        SCHOOLOGY_CONSUMER_KEY: 'k',
        SCHOOLOGY_CONSUMER_SECRET: 's',
      }),
    ).toEqual({ baseUrl: 'https://api.schoology.com/v1', consumerKey: 'k', consumerSecret: 's' });
  });

  it('names every missing setting at once, as a CONFIG error with one problem each', () => {
    let error: unknown;
    try {
      schoologyOptionsFromEnv({ SCHOOLOGY_CONSUMER_KEY: 'k', SCHOOLOGY_CONSUMER_SECRET: '' });
    } catch (e) {
      error = e;
    }
    const e = error as ToolbeltError;
    expect(e.code).toBe('CONFIG');
    expect(e.message).toBe('Missing settings: SCHOOLOGY_BASE_URL, SCHOOLOGY_CONSUMER_SECRET');
    const ru = e.localized('ru');
    expect(ru.message).toBe('Не заданы настройки: SCHOOLOGY_BASE_URL, SCHOOLOGY_CONSUMER_SECRET');
    expect(ru.problems).toEqual([
      'SCHOOLOGY_BASE_URL не задана',
      'SCHOOLOGY_CONSUMER_SECRET не задана',
    ]);
    expect(e.localized('en').problems).toEqual([
      'SCHOOLOGY_BASE_URL is not set',
      'SCHOOLOGY_CONSUMER_SECRET is not set',
    ]);
  });
});
