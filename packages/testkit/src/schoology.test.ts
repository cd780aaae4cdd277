import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSchoologyStandIn, type SchoologyStandIn } from './schoology.js';

const plaintext = (key: string, secret: string) =>
  `OAuth realm="Schoology API", oauth_consumer_key="${key}", oauth_token="", oauth_nonce="n1", oauth_timestamp="1", oauth_signature_method="PLAINTEXT", oauth_version="1.0", oauth_signature="${encodeURIComponent(`${secret}&`)}"`;

let api: SchoologyStandIn;
beforeAll(async () => {
  const users = Array.from({ length: 45 }, (_, i) => ({
    id: i + 1,
    school_uid: `u${i + 1}`,
    name_first: 'F',
    name_last: `L${i + 1}`,
    building_id: 1,
  }));
  api = await startSchoologyStandIn({ users, consumerKey: 'key', consumerSecret: 'secret' });
});
afterAll(() => api.stop());

it('refuses requests without a valid OAuth signature', async () => {
  expect((await fetch(`${api.url}/users`)).status).toBe(401);
  expect(
    (await fetch(`${api.url}/users`, { headers: { authorization: plaintext('key', 'wrong') } }))
      .status,
  ).toBe(401);
});

it('pages users following links.next', async () => {
  const seen: number[] = [];
  let url: string | undefined = `${api.url}/users?limit=20`;
  while (url) {
    const body = (await (
      await fetch(url, { headers: { authorization: plaintext('key', 'secret') } })
    ).json()) as {
      user: { id: number }[];
      links: { next?: string };
    };
    seen.push(...body.user.map((u) => u.id));
    url = body.links.next;
  }
  expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
});

it('updates users in bulk, at most 50 per request', async () => {
  const put = (user: unknown[]) =>
    fetch(`${api.url}/users`, {
      method: 'PUT',
      headers: { authorization: plaintext('key', 'secret'), 'content-type': 'application/json' },
      body: JSON.stringify({ users: { user } }),
    });
  expect((await put([{ id: 3, building_id: 9 }])).status).toBe(200);
  expect(api.users.get(3)?.building_id).toBe(9);
  expect((await put(Array.from({ length: 51 }, (_, i) => ({ id: i + 1 })))).status).toBe(400);
});
