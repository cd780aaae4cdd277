import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '@toolbelt/testkit';
import { generateDay } from '@toolbelt/testkit/learning-api';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import type { RunResult } from '../src/run-run.js';
import { binPath, jsonOf } from './cli.js';
import { expectedDay } from './expected.js';

/**
 * The dry run counts the response in memory; a real run counts the table in PostgreSQL. Both
 * take the day from `dayWindow` and the stats from `computeStats`: the same response gives the
 * same figures, whole day or test mode, including records on the window's edges.
 */
const uid = (n: number): string => n.toString(16).padStart(32, 'e');
const passback =
  "{'oauth_consumer_key': '', 'lis_result_sourcedid': 's', 'lis_outcome_service_url': 'u'}";
const edge = (
  n: number,
  createdAt: string,
  attempt: 'run' | 'submit',
  correct: boolean | null,
) => ({
  lti_user_id: uid(n),
  passback_params: passback,
  created_at: createdAt,
  attempt_type: attempt,
  is_correct: correct,
});
const day = { day: '2023-05-31', count: 400, seed: 11 };
const generated = expectedDay(day);
const records = [
  ...generateDay(day),
  // On the edges of the day and of its first hour; some with a T between date and time.
  edge(1, '2023-05-31 00:00:00', 'submit', true),
  edge(2, '2023-05-31 00:59:59.999999', 'submit', false),
  edge(3, '2023-05-31 01:00:00', 'submit', true),
  edge(4, '2023-05-31T00:30:00', 'run', null),
  edge(5, '2023-05-31T01:00:00', 'submit', true),
  edge(6, '2023-05-31 23:59:59.999999', 'submit', true),
  edge(7, '2023-06-01 00:00:00', 'submit', true),
  edge(8, '2023-05-30 23:59:59.999999', 'submit', true),
  edge(9, '2023-06-01T00:00:00', 'run', null),
];

let url: string;
let dir: TempDir;
let file: string;
beforeAll(async () => {
  url = await testDatabaseUrl();
  dir = makeTempDir('learning-etl-figures');
  file = join(dir.path, 'response.json');
  writeFileSync(file, JSON.stringify(records));
}, 120_000);
afterAll(() => dir?.cleanup());

async function figures(extra: string[]) {
  const args = ['run', '--json', '--no-report', '--no-email', '--date', '2023-05-31'];
  const result = await runCliAsync(binPath, [...args, '--source-file', file, ...extra], {
    cwd: dir.path,
    env: { DATABASE_URL: url },
  });
  expect(result.status, result.stderr).toBe(0);
  const day = jsonOf<RunResult>(result).days[0];
  return { counts: day?.counts, stats: day?.stats, noStatsReason: day?.noStatsReason };
}

describe('dry run and database agree on the figures of a day', () => {
  it('the whole day', async () => {
    const dry = await figures(['--dry-run']);
    const loaded = await figures([]);
    expect(loaded).toEqual(dry);
    expect(dry.stats).not.toBeNull();
    // Of the edges, users 1 to 6 are in the day; 7, 8 and 9 are not.
    expect(dry.counts?.users).toBe(generated.counts.users + 6);
  }, 120_000);

  it('test mode: the first hour', async () => {
    const dry = await figures(['--dry-run', '--test-mode']);
    const loaded = await figures(['--test-mode']);
    expect(loaded).toEqual(dry);
    // Of the edges only 1, 2 and 4 fall in [00:00, 01:00).
    const firstHour = expectedDay({ ...day, end: '2023-05-31 00:59:59.999999' });
    expect(dry.counts?.users).toBe(firstHour.counts.users + 3);
  }, 120_000);
});
