#!/usr/bin/env node
// tech-tracker: Google API calls per sync at 100 and 10,000 rows (against the Google stand-in),
// and diffTracker on 50,000 rows next to the original's pandas merge
// (bench/tech-tracker-pandas.py under Debian's /usr/bin/python3 with python3-pandas).
// Needs the built app and testkit: pnpm --filter @toolbelt/tech-tracker --filter @toolbelt/testkit build
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleSpreadsheets } from '../examples/tech-tracker/sample-data.mjs';
import { createBackupFolder } from '../apps/tech-tracker/dist/adapters/backup-folder.js';
import { openSheetStores } from '../apps/tech-tracker/dist/adapters/sheet-stores.js';
import { diffTracker } from '../apps/tech-tracker/dist/core/diff-tracker.js';
import { SHARED_FIELDS, STAMP_FIELDS } from '../apps/tech-tracker/dist/core/layout.js';
import { messages } from '../apps/tech-tracker/dist/i18n/index.js';
import { syncTracker } from '../apps/tech-tracker/dist/run-sync.js';
import { createLogger } from '../packages/log/dist/index.js';
import { startGoogleStandIn } from '../packages/testkit/dist/google.js';
import { seededRandom } from '../packages/testkit/dist/random.js';

const log = (line) => process.stderr.write(`${line}\n`);
const results = [];
const work = mkdtempSync(join(tmpdir(), 'tech-tracker-bench-'));

// 1. Google API calls per sync: one read per spreadsheet plus the write, whatever the size.
async function callsPerSync(hires) {
  const google = await startGoogleStandIn();
  try {
    const sample = sampleSpreadsheets({ hires });
    const motId = `benchmot${hires}`.padEnd(30, '0');
    const trackerId = `benchtrk${hires}`.padEnd(30, '0');
    google.seedSpreadsheet(motId, sample.mot);
    google.seedSpreadsheet(trackerId, sample.tracker);
    const stores = await openSheetStores({
      mot: motId,
      tracker: trackerId,
      env: { GOOGLE_API_ROOT_URL: google.rootUrl, GOOGLE_ACCESS_TOKEN: 'bench' },
    });
    const t = messages.translator('en');
    const started = performance.now();
    const result = await syncTracker(
      {
        ...stores,
        backups: createBackupFolder({ dir: join(work, `backups-${hires}`) }),
        logger: createLogger({ name: 'bench', consoleLevel: 'silent' }),
        t,
      },
      {
        schoolYear: '23-24',
        today: '2023-07-15',
        now: new Date('2023-07-15T17:00:00Z'),
        timeZone: 'America/Los_Angeles',
        dryRun: false,
        columns: {},
      },
    );
    const seconds = (performance.now() - started) / 1000;
    log(
      `${hires} hires: ${JSON.stringify(result.apiCalls.byMethod)} (stand-in ${google.requests.count()} requests), ${seconds.toFixed(2)} s, ${result.counts.appended} appended`,
    );
    return result.apiCalls.total;
  } finally {
    await google.stop();
  }
}

const small = await callsPerSync(100);
const large = await callsPerSync(10_000);
results.push({ name: 'Google API calls per sync, 100 rows', value: small, unit: 'calls' });
results.push({
  name: 'Google API calls per sync, 10,000 rows',
  value: large,
  unit: 'calls',
  baseline: 'calls at 100 rows',
  baselineValue: small,
  ratio: large / small,
  note: 'goal: the same small constant',
});

// 2. diffTracker on 50,000 rows vs. the same merge in pandas.
const ROWS = 50_000;
const r = seededRandom(50_000);
const day = (n) => new Date(Date.UTC(2023, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);
const motRows = [];
const trackerRows = [];
const cleared = [];
const rescinded = [];
for (let i = 0; i < ROWS; i++) {
  const id = String(1_000_000 + i);
  const values = [
    id,
    `First${i}`,
    `Last${i}`,
    `p${i}@example.org`,
    `School ${i % 40}`,
    `School ${i % 40}`,
    day(120 + (i % 28)),
    `Title ${i % 12}`,
    i % 3 ? 'No' : 'Yes',
    'New',
    i % 7 ? 'No' : 'Yes',
    'Yes',
    '',
  ];
  if (i % 10 !== 9) {
    // 90% already in the tracker; HR changed some since.
    const old = [...values];
    if (i % 11 === 3) old[6] = day(100);
    if (i % 13 === 5) old[5] = 'Regional Office';
    if (i % 9 === 2) old[7] = 'Old title';
    const stamp = day(i % 60);
    trackerRows.push([
      ...old,
      i % 50 === 7 ? 'Yes - 2023-06-20' : '--',
      stamp,
      stamp,
      stamp,
      stamp,
      `Laptop ${i}`,
      i % 2 ? 'done' : null,
    ]);
  }
  if (r() < 0.02) rescinded.push(id);
  if (r() < 0.01) cleared.push(id);
  motRows.push(values);
}
const mot = motRows.map((values) => ({ values }));
const tracker = trackerRows.map((row) => ({ cells: row.slice(0, 18), tech: row.slice(18) }));

const times = [];
let diff;
for (let run = 0; run < 8; run++) {
  const started = performance.now();
  diff = diffTracker(mot, cleared, rescinded, tracker, '2023-07-15');
  times.push((performance.now() - started) / 1000);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const jsSeconds = median(times.slice(1));
log(
  `diffTracker ${ROWS} rows: median ${(jsSeconds * 1000).toFixed(1)} ms over ${times.length - 1} runs; ${diff.rows.length} rows, ${diff.changes.length} changes`,
);

const dataFile = join(work, 'data.json');
writeFileSync(
  dataFile,
  JSON.stringify({
    shared: SHARED_FIELDS,
    stamps: STAMP_FIELDS,
    mot: motRows,
    tracker: trackerRows,
    cleared,
    rescinded,
    today: '2023-07-15',
  }),
);
let pandasSeconds;
try {
  const out = execFileSync(
    '/usr/bin/python3',
    [
      join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'tech-tracker-pandas.py'),
      dataFile,
      '5',
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  const parsed = JSON.parse(out.trim().split('\n').pop());
  pandasSeconds = parsed.seconds;
  log(`pandas ${ROWS} rows: median ${(pandasSeconds * 1000).toFixed(1)} ms; ${parsed.rows} rows`);
} catch (error) {
  log(`pandas run failed: ${error.message}`);
}
results.push({
  name: 'diffTracker, 50,000 rows',
  value: Math.round(jsSeconds * 1e4) / 10,
  unit: 'ms',
  ...(pandasSeconds === undefined
    ? { note: 'pandas baseline unavailable' }
    : {
        baseline: 'original pandas merge (python3-pandas)',
        baselineValue: Math.round(pandasSeconds * 1e4) / 10,
        ratio: Math.round((jsSeconds / pandasSeconds) * 1000) / 1000,
        note: 'goal: ratio <= 0.25',
      }),
});

rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify({ benchmark: 'tech-tracker', results }));
