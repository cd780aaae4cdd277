// The embedded database as a new user meets it (issue 13): a trivial `job-runner run` on an
// existing folder (wall time and peak RSS of the whole process tree, and both as a ratio to
// running the same job module directly with `node`), the first run in an empty folder, and
// the read-only history commands (`job-runner runs`, `connector-template history`) on an
// existing folder. Uses the built apps (pnpm bench builds them).
//
// Peak RSS of the tree: /proc is sampled every 10 ms and the RSS of the command and all its
// descendants summed; the largest sum is the peak (a spike shorter than 10 ms can be missed).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const jobRunner = fileURLToPath(new URL('../apps/job-runner/bin/run.js', import.meta.url));
const connector = fileURLToPath(new URL('../apps/connector-template/bin/run.js', import.meta.url));
const pageKb = 4;

/** The pid's children (Linux /proc/<pid>/task/<tid>/children, all threads). */
function childrenOf(pid) {
  const kids = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return kids;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) kids.push(...text.split(' ').map(Number));
    } catch {
      // gone meanwhile
    }
  }
  return kids;
}

function treeRssMb(root) {
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      kb += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageKb;
    } catch {
      // gone meanwhile
    }
    stack.push(...childrenOf(pid));
  }
  return kb / 1024;
}

/** Run a command to its end: wall ms, peak tree RSS in MB, exit code and output. */
function measure(args, options) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    delete env.DATABASE_URL;
    delete env.NODE_EXTRA_CA_CERTS; // adds ~85 ms per Node start on these machines only
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    let stdout = '';
    let stderr = '';
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid))), 10);
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}:\n${stderr}`));
      else resolve({ ms, rssMb: peak, stdout });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const r1 = (n) => Math.round(n * 10) / 10;
const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;

const root = await mkdtemp(join(tmpdir(), 'embedded-db-bench-'));
const jobs = join(root, 'jobs');
mkdirSync(jobs);
const jobFile = join(jobs, 'hi.mjs');
writeFileSync(
  jobFile,
  `export const metadata = { name: 'hi', description: 'Says hi.', fields: [{ name: 'who', required: true }] };\n` +
    `export async function run(params) { console.log('hi ' + params.who); }\n`,
);
const jrEnv = { JOB_RUNNER_TOOLBELT: '0' };
const runArgs = [jobRunner, 'run', 'hi', '--jobs-dir', jobs, '--set', 'who=B', '--quiet'];
const direct = [
  '--input-type=module',
  '-e',
  `const m = await import(${JSON.stringify(jobFile)}); await m.run({ who: 'B' }, { log: console.log });`,
];

const results = { run: [], direct: [], first: [], runs: [], history: [] };
try {
  const existing = join(root, 'existing');
  mkdirSync(existing);
  await measure(runArgs, { cwd: existing, env: jrEnv }); // creates the folder
  const project = join(root, 'connector');
  mkdirSync(project);
  writeFileSync(join(project, 'people.csv'), 'id,name\n1,Ann\n');
  writeFileSync(
    join(project, 'job.json'),
    JSON.stringify({
      name: 'bench',
      source: { connector: 'csv', object: 'people.csv' },
      destination: { connector: 'csv', object: 'out.csv' },
      mapping: [{ column: 'id', mapped: 'id' }],
      updateMethod: 'replace',
    }),
  );
  const ctEnv = { MASTER_HASH: 'bench-master-hash' };
  await measure([connector, 'jobs', 'add', '--file', 'job.json'], { cwd: project, env: ctEnv });
  await measure([connector, 'run', '--job', '1'], { cwd: project, env: ctEnv });

  for (let i = 0; i < rounds; i++) {
    const run = await measure(runArgs, { cwd: existing, env: jrEnv });
    if (run.stdout !== 'hi B\n') throw new Error(`unexpected output ${JSON.stringify(run.stdout)}`);
    results.run.push(run);
    results.direct.push(await measure(direct, { cwd: existing, env: {} }));
    const fresh = join(root, `fresh-${i}`);
    mkdirSync(fresh);
    results.first.push(await measure(runArgs, { cwd: fresh, env: jrEnv }));
    results.runs.push(await measure([jobRunner, 'runs'], { cwd: existing, env: jrEnv }));
    results.history.push(await measure([connector, 'history'], { cwd: project, env: ctEnv }));
    process.stderr.write(
      `round ${i + 1}: run ${Math.round(results.run[i].ms)} ms / ${Math.round(results.run[i].rssMb)} MB, ` +
        `node ${Math.round(results.direct[i].ms)} ms / ${Math.round(results.direct[i].rssMb)} MB, ` +
        `first ${Math.round(results.first[i].ms)} ms, runs ${Math.round(results.runs[i].ms)} ms, ` +
        `history ${Math.round(results.history[i].ms)} ms\n`,
    );
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

const m = (list, key) => median(list.map((r) => r[key]));
const note = `median of ${rounds}; whole process tree, RSS sampled every 10 ms`;
const before =
  'issue 13 before: run 2.6 s / 358 MB, first use 11.7 s, read-only commands started PGlite';
console.log(
  JSON.stringify({
    benchmark: 'embedded-db',
    results: [
      {
        name: 'job-runner run (trivial job): wall',
        value: r1(m(results.run, 'ms')),
        unit: 'ms',
        baseline: 'node <job module>',
        baselineValue: r1(m(results.direct, 'ms')),
        ratio: ratio(m(results.run, 'ms'), m(results.direct, 'ms')),
        note: `target <= 1000 ms; ${before}`,
      },
      {
        name: 'job-runner run (trivial job): peak RSS of the tree',
        value: r1(m(results.run, 'rssMb')),
        unit: 'MB',
        baseline: 'node <job module>',
        baselineValue: r1(m(results.direct, 'rssMb')),
        ratio: ratio(m(results.run, 'rssMb'), m(results.direct, 'rssMb')),
        note: `target <= 200 MB; ${note}`,
      },
      {
        name: 'job-runner run, first use in an empty folder: wall',
        value: r1(m(results.first, 'ms')),
        unit: 'ms',
        baseline: 'run on an existing folder',
        baselineValue: r1(m(results.run, 'ms')),
        ratio: ratio(m(results.first, 'ms'), m(results.run, 'ms')),
        note: 'target <= 2000 ms (template data folder copied on first use)',
      },
      {
        name: 'job-runner run, first use in an empty folder: peak RSS of the tree',
        value: r1(m(results.first, 'rssMb')),
        unit: 'MB',
        note,
      },
      {
        name: 'job-runner runs (existing folder): wall',
        value: r1(m(results.runs, 'ms')),
        unit: 'ms',
        baseline: 'node <job module>',
        baselineValue: r1(m(results.direct, 'ms')),
        ratio: ratio(m(results.runs, 'ms'), m(results.direct, 'ms')),
        note: 'target <= 600 ms',
      },
      {
        name: 'connector-template history (existing folder): wall',
        value: r1(m(results.history, 'ms')),
        unit: 'ms',
        baseline: 'node <job module>',
        baselineValue: r1(m(results.direct, 'ms')),
        ratio: ratio(m(results.history, 'ms'), m(results.direct, 'ms')),
        note: 'target <= 600 ms',
      },
    ],
  }),
);
