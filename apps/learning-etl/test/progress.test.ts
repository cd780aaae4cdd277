import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { binPath, cliEnv, runCli } from './cli.js';

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
    const piped = await runCli(backfill, { cwd: dir.path, env: apiEnv() });
    expect(piped.code, piped.stderr).toBe(0);
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
