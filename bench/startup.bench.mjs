#!/usr/bin/env node
// Startup time of every app's `--help` and of a trivial command (a usage error, which loads
// the command module and BaseCommand), as a ratio to `node -e 0` measured in the same
// hyperfine run. NODE_EXTRA_CA_CERTS is unset for every command: on these machines it adds
// ~85 ms to each Node start and users do not have it. Also checks that `--help` of an app
// that uses Google does not load googleapis.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const apps = [
  { name: 'tech-tracker', trivial: 'sync' },
  { name: 'support-rota', trivial: 'generate --cycles 0' },
  { name: 'learning-etl', trivial: 'run --date not-a-date' },
  { name: 'connector-template', trivial: 'run --stage nowhere' },
  { name: 'job-runner', trivial: 'describe' },
].filter((a) => existsSync(join(root, 'apps', a.name, 'oclif.manifest.json')));

const out = mkdtempSync(join(tmpdir(), 'bench-startup-'));
const cwd = mkdtempSync(join(tmpdir(), 'bench-startup-cwd-'));
const commands = ['node -e 0'];
for (const app of apps) {
  const bin = join(root, 'apps', app.name, 'bin', 'run.js');
  commands.push(
    `node ${bin} --help`,
    `node ${bin} ${app.trivial} --log-dir ${join(cwd, '.logs')} || true`,
  );
}
const json = join(out, 'hyperfine.json');
const args = [
  '--warmup',
  '3',
  '--runs',
  process.env.BENCH_RUNS ?? '15',
  '-N',
  '--ignore-failure',
  '--export-json',
  json,
];
// -N (no shell) cannot run `|| true`; use the shell for every command, it is measured for all alike.
args.splice(args.indexOf('-N'), 1);
execFileSync('hyperfine', [...args, ...commands], {
  cwd,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')),
});
const measured = JSON.parse(readFileSync(json, 'utf8')).results;
const baseline = measured[0].mean * 1000;
const results = [{ name: 'node -e 0', value: baseline, unit: 'ms' }];
for (const [i, app] of apps.entries()) {
  for (const [j, label] of [`${app.name} --help`, `${app.name} ${app.trivial}`].entries()) {
    const ms = measured[1 + i * 2 + j].mean * 1000;
    results.push({
      name: label,
      value: ms,
      unit: 'ms',
      baseline: 'node -e 0',
      baselineValue: baseline,
      ratio: ms / baseline,
      note: ms / baseline > 4 ? 'above the 4x goal' : undefined,
    });
  }
}

// Does `--help` load a heavy SDK? A resolve hook reports every module URL it resolves.
const hook =
  'data:text/javascript,' +
  encodeURIComponent(
    "export async function resolve(s, c, n) { const r = await n(s, c); if (/googleapis|exceljs|@aws-sdk|pglite|nodemailer|playwright|[\\/]pg[\\/]/.test(r.url)) process.stderr.write('HEAVY ' + r.url + '\\n'); return r; }",
  );
const heavy = [];
for (const app of apps) {
  const bin = join(root, 'apps', app.name, 'bin', 'run.js');
  const r = spawnSync(
    process.execPath,
    ['--no-warnings', '--experimental-loader', hook, bin, '--help'],
    { cwd: out, encoding: 'utf8' },
  );
  const hits = r.stderr.split('\n').filter((l) => l.startsWith('HEAVY ')).length;
  heavy.push({
    name: `${app.name} --help: heavy modules loaded`,
    value: hits,
    unit: 'modules',
    note:
      hits > 0 ? 'googleapis/exceljs/AWS/PGlite/nodemailer/playwright loaded by --help' : undefined,
  });
}
console.log(JSON.stringify({ benchmark: 'startup', results: [...results, ...heavy] }));
