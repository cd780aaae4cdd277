import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolbeltError } from '@toolbelt/errors';
import { createLogger } from '@toolbelt/log';
import { startGoogleStandIn, type GoogleStandIn } from '@toolbelt/testkit/google';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeExamples } from '../../../examples/tech-tracker/make.mjs';
import { sampleSpreadsheets } from '../../../examples/tech-tracker/sample-data.mjs';
import { createBackupFolder } from '../src/adapters/backup-folder.js';
import { openSheetStores } from '../src/adapters/sheet-stores.js';
import { messages } from '../src/i18n/index.js';
import { syncTracker } from '../src/run-sync.js';
import { readXlsxTab, stampOf, withoutStamp, SAMPLE_SYNC } from './workbooks.js';
import { parseSyncReport } from './json.js';

const bin = appBin(import.meta.url);

const MOT_ID = 'mot0000000000000000000000000001';
const TRACKER_ID = 'trk0000000000000000000000000001';
const TAB = '23-24 Tracker';
const SYNC = [
  'sync',
  '--school-year',
  '23-24',
  '--mot',
  MOT_ID,
  '--tracker',
  `https://docs.google.com/spreadsheets/d/${TRACKER_ID}/edit#gid=0`,
  '--today',
  '2023-07-15',
];

describe('tech-tracker sync on Google Sheets (stand-in)', () => {
  let google: GoogleStandIn;
  let dir: TempDir;
  let env: Record<string, string>;
  beforeAll(async () => {
    google = await startGoogleStandIn();
  });
  afterAll(() => google.stop());
  beforeEach(() => {
    dir = makeTempDir('tech-tracker-google');
    const sample = sampleSpreadsheets();
    google.seedSpreadsheet(MOT_ID, sample.mot);
    google.seedSpreadsheet(TRACKER_ID, sample.tracker);
    google.requests.clear();
    google.faults.clear();
    env = { GOOGLE_API_ROOT_URL: google.rootUrl, GOOGLE_ACCESS_TOKEN: 'test-token' };
  });
  afterEach(() => dir.cleanup());

  it('gives the same tracker as the same sync on .xlsx, reading strikethrough from cell formatting', async () => {
    const run = await runCliAsync(bin, [...SYNC, '--json'], { cwd: dir.path, env });
    expect(run.status, run.stderr).toBe(0);
    const result = parseSyncReport(run.stdout);
    expect(result.counts).toMatchObject({ appended: 7, keyChanges: 6, rescinded: 6 });
    const counts = google.requests.counts();
    expect(counts['sheets.spreadsheets.batchUpdate']).toBe(1);
    expect(result.apiCalls.total).toBe(google.requests.count());
    expect(result.apiCalls.total).toBeLessThanOrEqual(4);

    await makeExamples(dir.path);
    const local = await runCliAsync(bin, SAMPLE_SYNC, { cwd: dir.path });
    expect(local.status, local.stderr).toBe(0);
    const fromXlsx = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    const fromGoogle = google.getValues(TRACKER_ID, TAB);
    expect(withoutStamp(fromGoogle)).toEqual(withoutStamp(fromXlsx));
    expect(String(stampOf(fromGoogle))).toMatch(/^LAST UPDATED: /);
  });

  it('writes nothing but A2 on a second sync, with the same small number of calls', async () => {
    expect((await runCliAsync(bin, SYNC, { cwd: dir.path, env })).status).toBe(0);
    const first = google.getValues(TRACKER_ID, TAB);
    google.requests.clear();
    const second = await runCliAsync(bin, [...SYNC, '--json'], { cwd: dir.path, env });
    expect(second.status, second.stderr).toBe(0);
    expect(parseSyncReport(second.stdout).wrote).toBe('stamp');
    expect(withoutStamp(google.getValues(TRACKER_ID, TAB))).toEqual(withoutStamp(first));
    const update = google.requests
      .log()
      .find((r) => r.method === 'sheets.spreadsheets.batchUpdate');
    expect(JSON.stringify(update?.body)).not.toContain('job_candidate_id');
    expect((update?.body as { requests: unknown[] }).requests).toHaveLength(1);
  });

  it('retries a 429 and completes', async () => {
    google.faults.add({
      kind: 'rateLimit429',
      retryAfterSeconds: 1,
      method: 'sheets.spreadsheets.get',
    });
    const run = await runCliAsync(bin, [...SYNC, '--json'], { cwd: dir.path, env });
    expect(run.status, run.stderr).toBe(0);
    expect(google.requests.log().filter((r) => r.status === 429)).toHaveLength(1);
    expect(parseSyncReport(run.stdout).counts.appended).toBe(7);
  });

  it('restores the tracker from the backup and exits non-zero when the write fails with 500', async () => {
    const before = google.getValues(TRACKER_ID, TAB);
    const stores = await openSheetStores({
      mot: MOT_ID,
      tracker: TRACKER_ID,
      env,
      google: { retry: { maxAttempts: 2, baseDelayMs: 5 } },
    });
    // Both attempts of the sync's write fail; the restore (the next batchUpdate) goes through.
    google.faults.add({
      kind: 'serverError',
      status: 500,
      method: 'sheets.spreadsheets.batchUpdate',
      times: 2,
    });
    const logger = createLogger({ name: 'tech-tracker', consoleLevel: 'silent' });
    const error = await syncTracker(
      {
        ...stores,
        backups: createBackupFolder({ dir: join(dir.path, 'backups') }),
        logger,
        t: messages.translator('en'),
      },
      {
        schoolYear: '23-24',
        today: '2023-07-15',
        now: new Date('2023-07-15T17:00:00Z'),
        timeZone: 'America/Los_Angeles',
        dryRun: false,
        columns: {},
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolbeltError);
    expect((error as ToolbeltError).exitCode).not.toBe(0);
    expect((error as ToolbeltError).key).toBe('tech-tracker:errors.writeFailedRestored');
    const updates = google.requests
      .log()
      .filter((r) => r.method === 'sheets.spreadsheets.batchUpdate');
    expect(updates.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(google.getValues(TRACKER_ID, TAB)).toEqual(before);
    expect(await readdir(join(dir.path, 'backups'))).toHaveLength(1);
  });

  it('names the backup to restore by hand when the restore fails too', async () => {
    const stores = await openSheetStores({
      mot: MOT_ID,
      tracker: TRACKER_ID,
      env,
      google: { retry: { maxAttempts: 2, baseDelayMs: 5 } },
    });
    // Both attempts of the write and both of the restore fail.
    google.faults.add({
      kind: 'serverError',
      status: 500,
      method: 'sheets.spreadsheets.batchUpdate',
      times: 4,
    });
    const error = await syncTracker(
      {
        ...stores,
        backups: createBackupFolder({ dir: join(dir.path, 'backups') }),
        logger: createLogger({ name: 'tech-tracker', consoleLevel: 'silent' }),
        t: messages.translator('en'),
      },
      {
        schoolYear: '23-24',
        today: '2023-07-15',
        now: new Date('2023-07-15T17:00:00Z'),
        timeZone: 'America/Los_Angeles',
        dryRun: false,
        columns: {},
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolbeltError);
    expect((error as ToolbeltError).exitCode).not.toBe(0);
    expect((error as ToolbeltError).key).toBe('tech-tracker:errors.writeAndRestoreFailed');
    const [backup] = await readdir(join(dir.path, 'backups'));
    expect((error as ToolbeltError).message).toContain(backup);
  });

  it('exits 65 for a missing tab, naming it, with nothing written', async () => {
    const run = await runCliAsync(
      bin,
      ['sync', '--school-year', '22-23', '--mot', MOT_ID, '--tracker', TRACKER_ID],
      { cwd: dir.path, env },
    );
    expect(run.status).toBe(65);
    expect(run.stderr).toContain('Master_22-23');
    expect(google.requests.counts()['sheets.spreadsheets.batchUpdate']).toBeUndefined();
  });
});
