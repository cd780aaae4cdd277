import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { describe, expect, it } from 'vitest';
import { exampleFolder } from './workbooks.js';
import { parseErrorJson, parseSyncReport, syncReportSchema } from './json.js';

// The --json contract of `sync`, checked by its zod schema (test/json.ts): what a pipeline
// reading stdout may rely on. Every other test that reads --json parses it the same way.
const bin = appBin(import.meta.url);
const SYNC = ['sync', '--school-year', '23-24', '--today', '2023-07-15', '--json'];

describe('tech-tracker sync --json', () => {
  const dir = exampleFolder('tech-tracker-json');

  it('a dry run: the diff, nothing written, no backup, no notification', async () => {
    const run = await runCliAsync(bin, [...SYNC, '--dry-run'], { cwd: dir.path });
    expect(run.status, run.stderr).toBe(0);
    const report = parseSyncReport(run.stdout);
    expect(report).toMatchObject({ dryRun: true, wrote: 'none', notifications: [] });
    expect(report.backup).toBeUndefined();
    expect(report.changes.map((c) => c.kind).sort()).toContain('rescind');
  });

  it('a writing run with a mail to the outbox: backup and notification outcome', async () => {
    const run = await runCliAsync(bin, SYNC, {
      cwd: dir.path,
      env: { NOTIF_TO_ADDRESS: 'tech@example.org' },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = parseSyncReport(run.stdout);
    expect(report.wrote).toBe('rows');
    expect(report.backup).toMatch(/tech-tracker_23-24-Tracker_.*\.json$/);
    expect(report.notifications).toEqual([
      {
        channel: 'email',
        target: expect.any(String) as string,
        ok: true,
        to: ['tech@example.org'],
      },
    ]);
    // The schema is strict: a key the contract does not name is a change of the contract.
    expect(() => syncReportSchema.parse({ ...report, extra: 1 })).toThrow();
  });

  it('a failed run: the error shape, its problems listed', async () => {
    const run = await runCliAsync(
      bin,
      ['sync', '--school-year', '2324', '--today', 'x', '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(run.status).toBe(64);
    const error = parseErrorJson(run.stdout);
    expect(error).toMatchObject({ code: 'USAGE', exitCode: 64 });
    expect(error.problems).toHaveLength(2);
  });
});
