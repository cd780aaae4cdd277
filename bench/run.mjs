#!/usr/bin/env node
// Runs the benchmarks (`bench/*.bench.mjs`, or those named on the command line), prints one
// table and appends every result to bench/results/history.json. Each benchmark prints one
// JSON object on its last stdout line: { benchmark, results: [{ name, value, unit,
// baseline?, baselineValue?, ratio?, note? }] }.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort((a, b) =>
    a === 'startup.bench.mjs' ? -1 : b === 'startup.bench.mjs' ? 1 : a.localeCompare(b),
  );

const rows = [];
const runs = [];
let failures = 0;
for (const file of files) {
  process.stderr.write(`\n== ${file}\n`);
  const started = Date.now();
  const child = spawnSync(process.execPath, [join(dir, file)], {
    cwd: join(dir, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  let parsed;
  try {
    parsed = JSON.parse(last);
  } catch {
    failures++;
    process.stderr.write(
      `!! ${file} failed (status ${child.status}${child.signal ? `, ${child.signal}` : ''})\n${child.stdout.slice(-2000)}\n`,
    );
    continue;
  }
  runs.push({ ...parsed, file, seconds: (Date.now() - started) / 1000 });
  for (const r of parsed.results) rows.push({ benchmark: parsed.benchmark, ...r });
}

const fmt = (v) =>
  typeof v !== 'number'
    ? ''
    : Math.abs(v) >= 1000
      ? Math.round(v).toLocaleString('en-US')
      : Number(v.toPrecision(4)).toString();
const table = [
  ['benchmark', 'measure', 'value', 'unit', 'baseline', 'baseline value', 'ratio'],
].concat(
  rows.map((r) => [
    r.benchmark,
    r.name,
    fmt(r.value),
    r.unit ?? '',
    r.baseline ?? '',
    fmt(r.baselineValue),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}x`,
  ]),
);
const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
for (const [i, row] of table.entries()) {
  console.log(
    row
      .map((cell, j) => String(cell).padEnd(widths[j]))
      .join('  ')
      .trimEnd(),
  );
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
for (const r of rows.filter((r) => r.note))
  console.log(`  note (${r.benchmark} / ${r.name}): ${r.note}`);

const historyFile = join(dir, 'results', 'history.json');
const history = existsSync(historyFile) ? JSON.parse(readFileSync(historyFile, 'utf8')) : [];
history.push({ at: new Date().toISOString(), node: process.version, runs });
writeFileSync(historyFile, JSON.stringify(history, null, 2) + '\n');
console.log(`\nAppended to ${historyFile}`);
process.exit(failures > 0 ? 1 : 0);
