#!/usr/bin/env node
// `pnpm demo`: runs every tool on its embedded defaults (xlsx, ics, outbox, PGlite, local
// folder) with the inputs in examples/, inside .demo/ so that nothing committed changes.
// Run after a build (the root script builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const demo = join(root, '.demo');
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true });
cpSync(join(root, 'examples'), join(demo, 'examples'), {
  recursive: true,
  filter: (src) => !src.includes(`${join('examples', 'support-rota', 'generated')}`),
});

const tool = (name, ...args) => [join(root, 'apps', name, 'bin', 'run.js'), ...args];
// Services configured in the caller's shell must not turn the demo into a real run.
const env = { ...process.env };
for (const key of [
  'DATABASE_URL',
  'SMTP_URL',
  'SMTP_HOST',
  'GMAIL_USER',
  'SLACK_WEBHOOK_URL',
  'S3_BUCKET',
  'REPORT_SPREADSHEET_ID',
  'HR_MOT_SHEETS_ID',
  'TECH_TRACKER_SHEETS_ID',
])
  delete env[key];

const steps = [
  {
    title: 'tech-tracker: HR tracker -> Tech tracker (.xlsx), dry run then sync',
    argv: [join(root, 'examples/tech-tracker/demo.mjs')],
    cwd: root,
  },
  {
    title: 'support-rota: fair rota for 8 cycles -> .ics file + reports',
    argv: tool('support-rota', 'generate', '--config', 'examples/support-rota/rota.yaml'),
    cwd: demo,
  },
  {
    title: 'learning-etl: a saved API day -> PGlite -> .xlsx report -> .outbox e-mail',
    argv: tool(
      'learning-etl',
      'run',
      '--dotenv',
      'examples/learning-etl/demo.env',
      '--date',
      '2023-05-31',
      '--source-file',
      'examples/learning-etl/api-response-2023-05-31.json',
    ),
    cwd: demo,
  },
  {
    title: 'connector-template: CSV -> PGlite job, run and history',
    argv: [join(root, 'examples/connector/demo.mjs')],
    cwd: root,
  },
  {
    title: 'job-runner: list the job library',
    argv: tool('job-runner', 'list', '--jobs-dir', 'examples/jobs'),
    cwd: demo,
  },
  {
    title: 'job-runner: run hello-world with live logs',
    argv: tool(
      'job-runner',
      'run',
      'hello-world',
      '--jobs-dir',
      'examples/jobs',
      '--set',
      'name=Ann',
    ),
    cwd: demo,
  },
  {
    title: 'job-runner: run a TypeScript job',
    argv: tool(
      'job-runner',
      'run',
      'hello-typescript',
      '--jobs-dir',
      'examples/jobs',
      '--set',
      'name=Ada',
      '--set',
      'shout=true',
    ),
    cwd: demo,
  },
];

let failed = 0;
for (const step of steps) {
  console.log(`\n## ${step.title}`);
  const result = spawnSync(process.execPath, step.argv, {
    cwd: step.cwd,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 5 * 60_000,
  });
  if (result.status !== 0) {
    failed++;
    console.log(`!! exited ${result.status ?? result.signal}`);
  }
}
console.log(`\nDemo done in ${demo}: ${steps.length - failed} of ${steps.length} steps succeeded.`);
process.exit(failed > 0 ? 1 : 0);
