import {
  startSchoologyStandIn,
  type SchoologyStandIn,
  type SchoologyUser,
} from '@toolbelt/testkit/schoology';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSchoologyClient, updateParentBuildings } from './index.js';

let api: SchoologyStandIn;

/** 60 students in buildings 1-3; 55 parents of one child each, all in building 1. */
function population(): SchoologyUser[] {
  const users: SchoologyUser[] = [];
  for (let i = 1; i <= 60; i++)
    users.push({
      id: i,
      school_uid: `s${i}`,
      name_first: 'Stu',
      name_last: `${i}`,
      building_id: (i % 3) + 1,
    });
  for (let p = 1; p <= 55; p++)
    users.push({
      id: 1000 + p,
      school_uid: `p${p}`,
      name_first: 'Par',
      name_last: `${p}`,
      building_id: 1,
      child_uids: `s${p}`,
    });
  return users;
}

beforeEach(async () => {
  api = await startSchoologyStandIn({
    users: population(),
    consumerKey: 'k',
    consumerSecret: 's',
  });
});
afterEach(() => api.stop());

const client = () =>
  createSchoologyClient({ baseUrl: api.url, consumerKey: 'k', consumerSecret: 's' });

it("gives parents their children's buildings in bulk PUTs of at most 50, once", async () => {
  const lines: string[] = [];
  const result = await updateParentBuildings({
    api: client(),
    behavior: 'add',
    allowedBuildings: [],
    pageSize: 50,
    log: (line) => lines.push(line),
  });
  // Children s1..s55 are in building (i % 3) + 1: a third of them in building 1 already.
  const changed = [...api.users.values()].filter((u) => u.id > 1000 && u.additional_buildings);
  expect(result).toMatchObject({ read: 115, written: changed.length, failed: 0 });
  expect(api.users.get(1001)).toMatchObject({ building_id: 1, additional_buildings: '2' });
  expect(api.users.get(1002)).toMatchObject({ building_id: 1, additional_buildings: '3' });
  expect(api.users.get(1003)?.additional_buildings).toBeUndefined();
  const puts = api.requests.filter((r) => r.method === 'PUT');
  expect(puts.every((r) => r.status === 200 && (r.bulkSize ?? 0) <= 50)).toBe(true);
  expect(lines[0]).toMatch(/^chunk 1: updated \d+ of \d+ parents$/);

  const again = await updateParentBuildings({
    api: client(),
    behavior: 'add',
    allowedBuildings: [],
  });
  expect(again).toMatchObject({ written: 0, failed: 0 });
  expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts.length);
});

it('a dry run logs each change, in the language asked, and writes nothing', async () => {
  const lines: string[] = [];
  await updateParentBuildings({
    api: client(),
    behavior: 'replace',
    allowedBuildings: [3],
    dryRun: true,
    lang: 'ru',
    log: (line) => lines.push(line),
  });
  expect(api.requests.some((r) => r.method === 'PUT')).toBe(false);
  // Parent 2's child s2 is in building 3: replace moves the parent there.
  expect(lines).toContain('пользователю 1002 было бы назначено: здание 3, дополнительные []');
  expect(api.users.get(1002)).toMatchObject({ building_id: 1 });
});
