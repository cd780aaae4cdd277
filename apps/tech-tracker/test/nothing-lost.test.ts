import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireLock } from '@toolbelt/lock';
import { startGoogleStandIn, type GoogleStandIn } from '@toolbelt/testkit/google';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import ExcelJS from 'exceljs';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runCliAsync, startCli } from '@toolbelt/testkit/run-cli';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import type { CellValue, SheetStore } from '@toolbelt/google';
import { createLogger } from '@toolbelt/log';
import { createBackupFolder } from '../src/adapters/backup-folder.js';
import { openSheetStores } from '../src/adapters/sheet-stores.js';
import { messages } from '../src/i18n/index.js';
import { syncTracker } from '../src/run-sync.js';
import { makeExamples, writeWorkbook } from '../../../examples/tech-tracker/make.mjs';
import { sampleSpreadsheets } from '../../../examples/tech-tracker/sample-data.mjs';
import { fullDir, readOnlyDir } from '@toolbelt/testkit/fs-faults';
import { exampleFolder, readXlsxTab } from './workbooks.js';
import { parseSyncReport } from './json.js';

// Issue 12 ("Nothing lost"), items 3, 4, 5, 9 for tech-tracker, through the built CLI.
const bin = appBin(import.meta.url);
const TAB = '23-24 Tracker';
const MOT_TAB = 'Master_23-24';
const ID = 3; // MOT column D
const sync = (mot: string, extra: string[] = [], today = '2023-07-15'): string[] => [
  'sync',
  '--school-year',
  '23-24',
  '--mot',
  mot,
  '--tracker',
  'tech-tracker.xlsx',
  '--today',
  today,
  ...extra,
];

type Sheet = ReturnType<typeof sampleSpreadsheets>['mot'];

/** The sample MOT plus `count` new hires with ids from `first`. */
function motWithNewHires(first: number, count: number): Sheet {
  const mot = structuredClone(sampleSpreadsheets().mot);
  const tab = mot.tabs[MOT_TAB]!;
  const template = tab.values[2]!;
  for (let k = 0; k < count; k++) {
    const row = [...template];
    row[ID] = first + k;
    row[4] = `New${first + k}`;
    tab.values.push(row);
  }
  return mot;
}

/** The CLI as a process of its own; `waiting` resolves when it says it waits for a lock. */
function start(args: string[], cwd: string) {
  const cli = startCli(bin, args, { cwd });
  const waiting = new Promise<void>((resolve) => {
    const onData = (): void => {
      if (!cli.output().stderr.includes('Waiting for')) return;
      cli.child.stderr?.off('data', onData);
      resolve();
    };
    cli.child.stderr?.on('data', onData);
  });
  return { child: cli.child, waiting, done: cli.done };
}

const idsOf = (values: readonly (readonly CellValue[])[]): Set<string> =>
  new Set(values.slice(4).map((r) => String(r[1] ?? '')));

describe('one writer per .xlsx tracker (item 3)', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = makeTempDir('tt-lost');
    await makeExamples(dir.path);
    await writeWorkbook(motWithNewHires(700_000, 25), join(dir.path, 'mot-a.xlsx'));
    await writeWorkbook(motWithNewHires(800_000, 25), join(dir.path, 'mot-b.xlsx'));
  });
  afterEach(() => dir.cleanup());

  it('two syncs at once with different new hires lose nothing, three times in a row', async () => {
    for (let round = 0; round < 3; round++) {
      if (round > 0) await makeExamples(dir.path);
      const [a, b] = await Promise.all([
        start(sync('mot-a.xlsx', ['--json']), dir.path).done,
        start(sync('mot-b.xlsx', ['--json']), dir.path).done,
      ]);
      expect(a.status, a.stderr).toBe(0);
      expect(b.status, b.stderr).toBe(0);
      const ids = idsOf(await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB));
      for (let k = 0; k < 25; k++) {
        expect(ids.has(String(700_000 + k)), `round ${round}: 7000${k}`).toBe(true);
        expect(ids.has(String(800_000 + k)), `round ${round}: 8000${k}`).toBe(true);
      }
      const appended =
        parseSyncReport(a.stdout).counts.appended + parseSyncReport(b.stdout).counts.appended;
      // 7 sample hires the tracker lacks + 25 + 25, each appended by exactly one run.
      expect(appended).toBe(57);
      expect(existsSync(join(dir.path, 'tech-tracker.xlsx.lock'))).toBe(false);
    }
  }, 180_000);

  it('a second sync waits, saying for whom; with --no-wait it exits 75 naming the holder', async () => {
    const tracker = join(dir.path, 'tech-tracker.xlsx');
    const before = await readFile(tracker);
    const lock = await acquireLock(tracker, { command: 'test holder' });
    try {
      const refused = await runCliAsync(bin, sync('mot.xlsx', ['--no-wait']), { cwd: dir.path });
      expect(refused.status).toBe(75);
      expect(refused.stderr).toContain(`locked by test holder (pid ${process.pid}`);
      expect((await readFile(tracker)).equals(before)).toBe(true);
      const waiter = start(sync('mot.xlsx'), dir.path);
      await waiter.waiting;
      expect((await readFile(tracker)).equals(before)).toBe(true);
      await lock.release();
      const run = await waiter.done;
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(`Waiting for test holder (pid ${process.pid}`);
    } finally {
      await lock.release();
    }
  }, 60_000);
});

describe('column maps beyond the MOT, or ambiguous (item 5)', () => {
  const dir = exampleFolder('tt-columns');

  it.each([
    [{ Title: 99_999_999 }, /Title is column [A-Z]+, right of the last column AZ of Master_23-24/],
    [{ Title: 'ZZZ' }, /Title is column ZZZ, right of the last column AZ of Master_23-24/],
    // The control case: a map inside the sheet still syncs.
    [{ Title: 'AZ', 'First Name': 'HR Field U' }, undefined],
  ])('%j is a DATA error naming the field; nothing is written', async (map, message) => {
    const tracker = join(dir.path, 'tech-tracker.xlsx');
    const before = await readFile(tracker);
    await writeFile(join(dir.path, 'map.json'), JSON.stringify(map));
    const run = await runCliAsync(bin, sync('mot.xlsx', ['--mot-columns', 'map.json']), {
      cwd: dir.path,
    });
    if (message === undefined) {
      expect(run.status, run.stderr).toBe(0);
      return;
    }
    expect(run.status, run.stderr).toBe(65);
    expect(run.stderr).toMatch(message);
    expect((await readFile(tracker)).equals(before)).toBe(true);
  });

  it('a header that appears twice is a DATA error listing both columns', async () => {
    const mot = structuredClone(sampleSpreadsheets().mot);
    mot.tabs[MOT_TAB]!.values[1]![20] = 'Title';
    await writeWorkbook(mot, join(dir.path, 'mot.xlsx'));
    await writeFile(join(dir.path, 'map.json'), JSON.stringify({ Title: 'Title' }));
    const run = await runCliAsync(bin, sync('mot.xlsx', ['--mot-columns', 'map.json']), {
      cwd: dir.path,
    });
    expect(run.status, run.stderr).toBe(65);
    expect(run.stderr).toContain(
      'the header "Title" (for Title) is in several columns of Master_23-24 (N, U)',
    );
  });
});

describe('a file system that refuses writes (item 9)', () => {
  const dir = exampleFolder('tt-io');

  it('a read-only backup folder: exit 74 naming it, the tracker untouched', async () => {
    const ro = readOnlyDir();
    try {
      const tracker = join(dir.path, 'tech-tracker.xlsx');
      const before = await readFile(tracker);
      const run = await runCliAsync(
        bin,
        sync('mot.xlsx', ['--backup-dir', join(ro.path, 'backups')]),
        {
          cwd: dir.path,
        },
      );
      expect(run.status, run.stderr).toBe(74);
      expect(run.stderr).toContain(`${join(ro.path, 'backups')}.lock: read-only file system`);
      expect((await readFile(tracker)).equals(before)).toBe(true);
    } finally {
      ro.cleanup();
    }
  });

  it('a full backup folder: exit 74 "no space left", the tracker untouched, no temp files', async () => {
    const full = fullDir(8 * 1024);
    try {
      const tracker = join(dir.path, 'tech-tracker.xlsx');
      const before = await readFile(tracker);
      const run = await runCliAsync(bin, sync('mot.xlsx', ['--backup-dir', full.path]), {
        cwd: dir.path,
      });
      expect(run.status, run.stderr).toBe(74);
      expect(run.stderr).toContain('no space left on device');
      expect((await readFile(tracker)).equals(before)).toBe(true);
      expect(readdirSync(full.path).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      full.cleanup();
    }
  });

  it('a read-only tracker folder and a read-only log folder: exit 74, not 70', async () => {
    const seed = await readFile(join(dir.path, 'tech-tracker.xlsx'));
    const ro = readOnlyDir({ 'tech-tracker.xlsx': seed });
    try {
      const run = await runCliAsync(
        bin,
        sync('mot.xlsx').map((a) => (a === 'tech-tracker.xlsx' ? join(ro.path, a) : a)),
        { cwd: dir.path },
      );
      expect(run.status, run.stderr).toBe(74);
      expect(run.stderr).toContain('read-only file system');
      const logs = await runCliAsync(bin, sync('mot.xlsx', ['--log-dir', join(ro.path, 'logs')]), {
        cwd: dir.path,
      });
      expect(logs.status, logs.stderr).toBe(74);
      expect(logs.stderr).toContain(`cannot write ${join(ro.path, 'logs')}`);
      expect(readdirSync(ro.path)).toEqual(['tech-tracker.xlsx']);
    } finally {
      ro.cleanup();
    }
  });
});

describe('control characters from Google in the MOT (item 4)', () => {
  let google: GoogleStandIn;
  let dir: TempDir;
  const MOT_ID = 'mot0000000000000000000000000012';
  beforeAll(async () => {
    google = await startGoogleStandIn();
  });
  afterAll(() => google.stop());
  beforeEach(async () => {
    dir = makeTempDir('tt-control');
    await makeExamples(dir.path);
  });
  afterEach(() => dir.cleanup());

  it('are removed: the .xlsx stays valid, and a second sync sees no change', async () => {
    const mot = structuredClone(sampleSpreadsheets().mot);
    const rows = mot.tabs[MOT_TAB]!.values;
    rows[2]![13] = 'Teacher\u0001, Kindergarten\u001b';
    rows[3]![4] = 'El\u0000ena\uFFFE';
    rows.push([...rows[2]!].map((v, i) => (i === ID ? 900_001 : i === 4 ? 'New\u0007Hire' : v)));
    google.seedSpreadsheet(MOT_ID, mot);
    const env = { GOOGLE_API_ROOT_URL: google.rootUrl, GOOGLE_ACCESS_TOKEN: 'test-token' };
    const first = await runCliAsync(bin, sync(MOT_ID, ['--json']), { cwd: dir.path, env });
    expect(first.status, first.stderr).toBe(0);
    await new ExcelJS.Workbook().xlsx.readFile(join(dir.path, 'tech-tracker.xlsx'));
    const values = await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), TAB);
    const row = values.find((r) => String(r[1]) === '900001');
    expect(row?.[2]).toBe('NewHire');
    const second = await runCliAsync(bin, sync(MOT_ID, ['--json'], '2023-07-20'), {
      cwd: dir.path,
      env,
    });
    expect(second.status, second.stderr).toBe(0);
    expect(parseSyncReport(second.stdout).counts).toMatchObject({ appended: 0, keyChanges: 0 });
  });
});

describe('Ctrl-C during a sync (item 12)', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = makeTempDir('tt-sigint');
    // A big tracker, so that the workbook write lasts long enough to be interrupted.
    await makeExamples(dir.path, { hires: 1500 });
  });
  afterEach(() => dir.cleanup());

  it('while the workbook is being written leaves the old tracker and no temp file', async () => {
    const tracker = join(dir.path, 'tech-tracker.xlsx');
    const before = await readFile(tracker);
    const run = start(sync('mot.xlsx'), dir.path);
    // Wait (bounded) for the hidden temp file of the workbook write, then press Ctrl-C.
    let seen = false;
    for (let i = 0; i < 6000 && !seen; i++) {
      seen = readdirSync(dir.path).some(
        (f) => f.startsWith('.tech-tracker.xlsx.') && f.endsWith('.tmp'),
      );
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen).toBe(true);
    run.child.kill('SIGINT');
    const ended = await run.done;
    expect(ended.status).toBe(130);
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual(
      [],
    );
    expect((await readFile(tracker)).equals(before)).toBe(true);
  }, 120_000);
});

describe('a Google tracker edited while the sync runs (one writer per target)', () => {
  let google: GoogleStandIn;
  let dir: TempDir;
  const MOT_ID = 'mot0000000000000000000000000013';
  const TRACKER_ID = 'trk0000000000000000000000000013';
  beforeAll(async () => {
    google = await startGoogleStandIn();
  });
  afterAll(() => google.stop());
  beforeEach(() => {
    dir = makeTempDir('tt-google-changed');
    const sample = sampleSpreadsheets();
    google.seedSpreadsheet(MOT_ID, sample.mot);
    google.seedSpreadsheet(TRACKER_ID, sample.tracker);
  });
  afterEach(() => dir.cleanup());

  it('is TEMPFAIL with nothing written, and the next sync keeps the edit', async () => {
    const env = { GOOGLE_API_ROOT_URL: google.rootUrl, GOOGLE_ACCESS_TOKEN: 'test-token' };
    const stores = await openSheetStores({ mot: MOT_ID, tracker: TRACKER_ID, env });
    const real = stores.tracker;
    let reads = 0;
    // The real Google store; right after the sync's read, a person edits a tech cell.
    const tracker: SheetStore = {
      kind: real.kind,
      location: real.location,
      listTabs: () => real.listTabs(),
      ensureTab: (tab) => real.ensureTab(tab),
      write: (writes) => real.write(writes),
      async readTabs(requests) {
        const data = await real.readTabs(requests);
        if (++reads === 1)
          await real.write([
            { kind: 'values', tab: TAB, range: 'T5', values: [['edited by hand']] },
          ]);
        return data;
      },
    };
    const edited = () => google.getValues(TRACKER_ID, TAB);
    const deps = {
      ...stores,
      tracker,
      backups: createBackupFolder({ dir: join(dir.path, 'backups') }),
      logger: createLogger({ name: 'tech-tracker', consoleLevel: 'silent' }),
      t: messages.translator('en'),
    };
    const options = {
      schoolYear: '23-24',
      today: '2023-07-15',
      now: new Date('2023-07-15T17:00:00Z'),
      timeZone: 'America/Los_Angeles',
      dryRun: false,
      columns: {},
    };
    const error = await syncTracker(deps, options).catch((e: unknown) => e);
    expect(isToolbeltError(error) && error.key).toBe('tech-tracker:errors.trackerChanged');
    expect(isToolbeltError(error) && error.exitCode).toBe(75);
    const afterEdit = edited();
    expect(afterEdit[4]?.[19]).toBe('edited by hand');
    expect(existsSync(join(dir.path, 'backups'))).toBe(false);
    // Run again: no edit this time; the sync writes and the hand edit stays.
    const result = await syncTracker(deps, options);
    expect(result.wrote).toBe('rows');
    expect(edited().some((row) => row[19] === 'edited by hand')).toBe(true);
  });
});
