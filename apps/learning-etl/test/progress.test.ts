import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { cliEnv, runCliAsync } from '@toolbelt/testkit';
import { binPath } from './cli.js';

let api: LearningApiStandIn;
let dir: TempDir;
const apiEnv = () => ({
  ITRESUME_API_URL: api.url,
  ITRESUME_CLIENT: 'test-client',
  ITRESUME_CLIENT_KEY: 'test-key',
});
const env = () => cliEnv(apiEnv());
const backfill = ['run', '--from', '2023-05-01', '--to', '2023-05-07', '--dry-run'];

beforeAll(async () => {
  api = await startLearningApi({ recordsPerDay: 2000 });
  dir = makeTempDir('learning-etl-progress');
});
afterAll(async () => {
  await api?.stop();
  await dir?.cleanup();
});

describe('the backfill progress bar', () => {
  it('is drawn on a terminal, with days and records', async () => {
    const r = await runOnPty([process.execPath, '--', binPath, ...backfill], [], {
      cwd: dir.path,
      env: env(),
    });
    expect(r.code, r.output).toBe(0);
    const text = stripVTControlCharacters(r.output);
    // The last drawing of the bar: every day done, every record counted.
    expect(text).toMatch(/days \[[█░]+\] 7\/7 100% \| records: 14,000/);
    expect(text).toContain('2023-05-07 (dry run): 2000 read');
  }, 120_000);

  it('is not drawn without a terminal, nor with --json on one', async () => {
    const piped = await runCliAsync(binPath, backfill, { cwd: dir.path, env: apiEnv() });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr + piped.stdout).not.toContain('days [');
    expect(piped.stderr).not.toContain('\u001b[');
    const json = await runOnPty([process.execPath, '--', binPath, ...backfill, '--json'], [], {
      cwd: dir.path,
      env: env(),
    });
    expect(json.code, json.output).toBe(0);
    expect(json.output).not.toContain('days [');
    expect(json.output).not.toContain('records:');
  }, 120_000);
});

describe('Ctrl-C during a backfill, on a real terminal', () => {
  it('exits 130 with "cancelled" and how many days were done', async () => {
    const slow = await startLearningApi({
      recordsPerDay: 2000,
      chunkRecords: 250,
      chunkDelayMs: 100,
    });
    try {
      const r = await runOnPty(
        [process.execPath, '--', binPath, ...backfill],
        [{ waitFor: 'processing of the date 2023-05-03 started', send: '\u0003' }],
        { cwd: dir.path, env: cliEnv({ ...apiEnv(), ITRESUME_API_URL: slow.url }) },
      );
      expect(r.sawAll, r.output).toBe(true);
      expect(r.code, r.output).toBe(130);
      const text = stripVTControlCharacters(r.output);
      expect(text).toMatch(
        /^cancelled\. [23] of 7 days were read \(dry run: nothing was written\)\.$/m,
      );
      expect(text).not.toContain('2023-05-07 (dry run)');
    } finally {
      await slow.stop();
    }
  }, 120_000);
});
