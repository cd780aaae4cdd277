import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCliAsync } from '@toolbelt/testkit';
import { generateDay } from '@toolbelt/testkit/learning-api';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { binPath } from './cli.js';

/** The `--json` contract of `learning-etl run`: exactly these fields, of these types. */
const count = z.number().int().nonnegative();
const counts = z.strictObject({ users: count, runs: count, submits: count, successes: count });
const day = z.strictObject({
  day: z.iso.date(),
  read: count,
  accepted: count,
  corrupt: count,
  withDefects: count,
  loaded: count,
  replaced: count,
  counts,
  stats: z
    .strictObject({
      ...counts.shape,
      ratio: z.number().min(0).max(1),
      avgSubmits: z.number().nonnegative(),
      avgSuccesses: z.number().nonnegative(),
    })
    .nullable(),
  noStatsReason: z.enum(['noUsers', 'noSubmits']).optional(),
  reportUpdated: z.boolean(),
  reportLocation: z.string().optional(),
  mailed: count,
  problems: z.array(z.string()),
});
const runResult = z.strictObject({ dryRun: z.boolean(), days: z.array(day), exited: z.boolean() });

const example = new URL(
  '../../../examples/learning-etl/api-response-2023-05-31.json',
  import.meta.url,
).pathname;

let dir: TempDir;
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await testDatabaseUrl();
  dir = makeTempDir('learning-etl-json');
}, 120_000);
afterAll(() => dir?.cleanup());

async function resultOf(args: string[]): Promise<z.infer<typeof runResult>> {
  const result = await runCliAsync(binPath, ['run', '--json', '--date', '2023-05-31', ...args], {
    cwd: dir.path,
    env: { DATABASE_URL: databaseUrl, OUTBOX_DIR: 'outbox', MAIL_TO: 'ann@example.org' },
  });
  expect(result.status, result.stderr).toBe(0);
  return runResult.parse(JSON.parse(result.stdout));
}

describe('learning-etl run --json', () => {
  it('a load with a report and a mail', async () => {
    const result = await resultOf(['--source-file', example, '--report', 'report.xlsx']);
    expect(result.days[0]).toMatchObject({ reportUpdated: true, mailed: 1, loaded: 291 });
    expect(result.days[0]?.reportLocation).toContain('report.xlsx');
  }, 60_000);

  it('a dry run', async () => {
    const result = await resultOf(['--source-file', example, '--dry-run']);
    expect(result).toMatchObject({ dryRun: true, exited: false });
    expect(result.days[0]?.loaded).toBe(0);
  }, 60_000);

  it('a day without stats', async () => {
    const runs = [...generateDay({ day: '2023-05-31', count: 10, seed: 3, quirkRate: 0 })].map(
      (r) => ({ ...r, attempt_type: 'run', is_correct: null }),
    );
    const file = join(dir.path, 'runs.json');
    writeFileSync(file, JSON.stringify(runs));
    const result = await resultOf(['--source-file', file, '--no-report', '--no-email']);
    expect(result.days[0]).toMatchObject({ stats: null, noStatsReason: 'noSubmits' });
  }, 60_000);

  it('the schema holds the contract: an unknown or missing field fails', () => {
    const valid = { dryRun: false, days: [], exited: true };
    expect(runResult.safeParse(valid).success).toBe(true);
    expect(runResult.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(runResult.safeParse({ dryRun: false, days: [] }).success).toBe(false);
  });
});
