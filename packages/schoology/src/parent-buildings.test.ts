import { expect, it } from 'vitest';
import {
  keepParents,
  parseBuildingList,
  planParentBuildings,
  type BuildingUser,
} from './parent-buildings.js';
import { oauthHeader } from './oauth1.js';

const user = (id: number, building: number, extra: Partial<BuildingUser> = {}): BuildingUser => ({
  id,
  school_uid: `u${id}`,
  building_id: building,
  ...extra,
});

it('keeps only users with children', () => {
  expect(keepParents(user(1, 1, { child_uids: 'u2' }))).toBe(true);
  expect(keepParents(user(1, 1, { child_uids: ' , ' }))).toBe(false);
  expect(keepParents(user(1, 1))).toBe(false);
});

it('adds the allowed buildings of the children', () => {
  const parent = user(1, 10, { child_uids: 'u2,u3' });
  const kids = [user(2, 20, { additional_buildings: '30' }), user(3, 40)];
  expect(planParentBuildings(parent, kids, { behavior: 'add', allowed: [20, 30] })).toEqual({
    id: 1,
    building_id: 10,
    additional_buildings: '20,30',
  });
  expect(planParentBuildings(parent, kids, { behavior: 'replace', allowed: [] })).toEqual({
    id: 1,
    building_id: 20,
    additional_buildings: '30,40',
  });
});

it('changes nothing when the parent already has the buildings (idempotent)', () => {
  const parent = user(1, 10, { additional_buildings: '30,20' });
  expect(
    planParentBuildings(parent, [user(2, 20), user(3, 30)], { behavior: 'add', allowed: [] }),
  ).toBeNull();
  expect(
    planParentBuildings(parent, [user(2, 99)], { behavior: 'replace', allowed: [20] }),
  ).toBeNull();
});

it('parses building lists', () => {
  expect(parseBuildingList('12, 14,x,,15')).toEqual([12, 14, 15]);
});

it('signs requests with HMAC-SHA1 (RFC 5849 base string)', () => {
  const header = oauthHeader({
    method: 'GET',
    url: 'http://api.test/v1/users?start=0&limit=2',
    consumerKey: 'key',
    consumerSecret: 'secret',
    nonce: 'abc',
    timestamp: 1700000000,
  });
  expect(header).toMatch(/^OAuth realm="Schoology API", oauth_consumer_key="key", /);
  expect(header).toContain('oauth_signature_method="HMAC-SHA1"');
  // Same input, same signature; another secret, another signature.
  const again = oauthHeader({
    method: 'GET',
    url: 'http://api.test/v1/users?start=0&limit=2',
    consumerKey: 'key',
    consumerSecret: 'secret',
    nonce: 'abc',
    timestamp: 1700000000,
  });
  const other = oauthHeader({
    method: 'GET',
    url: 'http://api.test/v1/users?start=0&limit=2',
    consumerKey: 'key',
    consumerSecret: 'other',
    nonce: 'abc',
    timestamp: 1700000000,
  });
  expect(again).toBe(header);
  expect(other).not.toBe(header);
});
