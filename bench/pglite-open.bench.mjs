// PGlite open cost: creating a fresh data folder (initdb) versus reopening an existing one,
// in time to the first answered query and in peak RSS. Each open runs in its own Node
// process so RSS is that open's alone. Uses the built @toolbelt/db (pnpm --filter
// @toolbelt/db build).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const dbEntry = fileURLToPath(new URL('../packages/db/dist/index.js', import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

// The child opens the database, answers one query, closes, and prints its measurements.
const child = `
const started = performance.now();
const { openDatabase } = await import(process.argv[1]);
const db = await openDatabase({ dataDir: process.argv[2] });
await db.query('SELECT 1');
const ms = performance.now() - started;
await db.close();
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

async function openOnce(dataDir) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS; // adds ~85 ms per Node start on these machines only
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', child, dbEntry, dataDir],
    { env, timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round1 = (n) => Math.round(n * 10) / 10;

const root = await mkdtemp(join(tmpdir(), 'pglite-open-bench-'));
const fresh = [];
const reopen = [];
try {
  for (let i = 0; i < rounds; i++) {
    const dataDir = join(root, `db${i}`, '.data', 'tool');
    fresh.push(await openOnce(dataDir));
    reopen.push(await openOnce(dataDir));
    process.stderr.write(
      `round ${i + 1}: fresh ${Math.round(fresh[i].ms)} ms / ${Math.round(fresh[i].maxRssMb)} MB, ` +
        `reopen ${Math.round(reopen[i].ms)} ms / ${Math.round(reopen[i].maxRssMb)} MB\n`,
    );
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

const freshMs = median(fresh.map((r) => r.ms));
const reopenMs = median(reopen.map((r) => r.ms));
const freshRss = median(fresh.map((r) => r.maxRssMb));
const reopenRss = median(reopen.map((r) => r.maxRssMb));
const note = `median of ${rounds}; each open in its own process, time includes importing PGlite and one query`;

console.log(
  JSON.stringify({
    benchmark: 'pglite-open',
    results: [
      { name: 'fresh data folder: time to first query', value: round1(freshMs), unit: 'ms', note },
      {
        name: 'reopen data folder: time to first query',
        value: round1(reopenMs),
        unit: 'ms',
        baseline: 'fresh data folder',
        baselineValue: round1(freshMs),
        ratio: Math.round((reopenMs / freshMs) * 1000) / 1000,
        note,
      },
      { name: 'fresh data folder: peak RSS', value: round1(freshRss), unit: 'MB', note },
      {
        name: 'reopen data folder: peak RSS',
        value: round1(reopenRss),
        unit: 'MB',
        baseline: 'fresh data folder',
        baselineValue: round1(freshRss),
        ratio: Math.round((reopenRss / freshRss) * 1000) / 1000,
        note,
      },
    ],
  }),
);
