import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appBin, runBin } from '@toolbelt/testkit/cli-mistakes';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { makeExamples } from '../../../examples/tech-tracker/make.mjs';
import { parseSyncReport } from './json.js';

const bin = appBin(import.meta.url);
const dir = makeTempDir('tech-tracker-progress');
const big = join(dir.path, 'big');
const small = join(dir.path, 'small');
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' };
const SYNC = ['sync', '--school-year', '23-24', '--today', '2023-07-15'];
const BAR = /sync \[[█░]+\] (\d+)\/(\d+) \d+% \| MOT rows: ([\d,]+) \| changes: ([\d,]+)/g;

beforeAll(async () => {
  // 5,000 hires: an MOT tab of 5,000 rows and a tracker behind it.
  await makeExamples(big, { hires: 5000 });
  await makeExamples(small);
}, 120_000);
afterAll(() => dir.cleanup());

/** The last drawing of the bar in a terminal's output. */
function lastBar(output: string): RegExpExecArray | undefined {
  return [...output.matchAll(BAR)].at(-1);
}

describe('a sync of 5,000 MOT rows shows its stages on a bar', () => {
  it('on a terminal: diff, backup and write, with the rows and changes', async () => {
    const r = await runOnPty([process.execPath, '--', bin, ...SYNC], [], {
      cwd: big,
      env,
      timeoutSeconds: 240,
    });
    expect(r.code, r.output.slice(-2000)).toBe(0);
    const bar = lastBar(r.output);
    expect(bar, r.output.slice(-2000)).toBeDefined();
    expect(bar?.slice(1, 3)).toEqual(['3', '3']);
    // The sample's 5,000 hires (and its own extra rows); every one compared.
    expect(Number(bar?.[3]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(5000);
    expect(Number(bar?.[4]?.replace(/,/g, ''))).toBeGreaterThan(0);
  }, 300_000);

  it('a dry run: the diff stage, in the run language', async () => {
    const r = await runOnPty(
      [process.execPath, '--', bin, ...SYNC, '--dry-run', '--lang', 'ru'],
      [],
      { cwd: big, env, timeoutSeconds: 240 },
    );
    expect(r.code, r.output.slice(-2000)).toBe(0);
    expect(r.output).toMatch(
      /синхронизация \[█+\] 1\/1 100% \| строк MOT: 5\s\d{3} \| изменений: [\d\s]+/,
    );
  }, 300_000);

  it('not without a terminal, nor with --json on one, nor for a small sync', async () => {
    const piped = runBin(bin, [...SYNC, '--dry-run'], { cwd: big });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('sync [');
    const json = await runOnPty([process.execPath, '--', bin, ...SYNC, '--dry-run', '--json'], [], {
      cwd: big,
      env,
      timeoutSeconds: 240,
    });
    expect(json.code, json.output.slice(-2000)).toBe(0);
    expect(json.output).not.toContain('sync [');
    expect(parseSyncReport(json.output.slice(json.output.indexOf('{'))).dryRun).toBe(true);
    // The 50-row sample: over at once, no bar.
    const few = await runOnPty([process.execPath, '--', bin, ...SYNC], [], {
      cwd: small,
      env,
    });
    expect(few.code, few.output).toBe(0);
    expect(few.output).not.toContain('sync [');
    expect(few.output).toMatch(/Tech tracker 23-24: \d+ appended/);
  }, 300_000);
});
