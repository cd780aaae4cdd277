import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Write test jobs into `dir`: real modules and executables the executioner runs. */
export function writeFixtureJobs(dir: string, markFile = join(dir, 'marks.txt')): void {
  const job = (file: string, metadata: object, body: string) =>
    writeFileSync(
      join(dir, file),
      `export const metadata = ${JSON.stringify(metadata)};\nexport async function run(params, ctx) {\n${body}\n}\n`,
    );
  job(
    'alternate.mjs',
    {
      name: 'alternate',
      description: 'Writes to stdout and stderr in turn, as fast as it can.',
      fields: [{ name: 'count', type: 'integer', default: 400 }],
    },
    `for (let i = 0; i < params.count; i++) { if (i % 2 === 0) process.stdout.write('out ' + i + '\\n'); else process.stderr.write('err ' + i + '\\n'); }`,
  );
  job(
    'sleepy.mjs',
    {
      name: 'sleepy',
      description: 'Prints, then sleeps far longer than its time limit.',
      timeout: 1,
    },
    `ctx.log('going to sleep'); await new Promise((r) => setTimeout(r, 60_000)); ctx.log('woke up');`,
  );
  job(
    'forever.mjs',
    { name: 'forever', description: 'Prints a line every 100 ms until stopped.' },
    `for (let i = 0; ; i++) { ctx.log('tick ' + i); await new Promise((r) => setTimeout(r, 100)); }`,
  );
  job(
    'secret.mjs',
    {
      name: 'secret',
      description: 'Uses a password.',
      fields: [
        { name: 'user', required: true },
        { name: 'password', secret: true, required: true },
      ],
    },
    `ctx.log('connecting as ' + params.user + ' with ' + params.password); ctx.warn('password=' + params.password);`,
  );
  job(
    'fail.mjs',
    { name: 'fail', description: 'Fails with exit code 3.', fields: [] },
    `ctx.warn('something broke'); return 3;`,
  );
  job(
    'mark.mjs',
    {
      name: 'mark',
      description: 'Appends its run id to a file (to count executions).',
      fields: [],
    },
    `const fs = await import('node:fs'); fs.appendFileSync(${JSON.stringify(markFile)}, ctx.runId + '\\n'); await new Promise((r) => setTimeout(r, 150)); ctx.log('marked ' + ctx.runId);`,
  );
  job(
    'slow-lines.mjs',
    {
      name: 'slow-lines',
      description: 'Prints numbered lines slowly.',
      fields: [
        { name: 'who', label: 'Who', required: true },
        { name: 'lines', type: 'integer', default: 6 },
        { name: 'mode', options: ['quiet', 'loud'], default: 'quiet' },
      ],
    },
    `for (let i = 1; i <= params.lines; i++) { ctx.log('line ' + i + ' for ' + params.who + ' (' + params.mode + ')'); await new Promise((r) => setTimeout(r, 300)); } ctx.log('<script>window.injected = true</script>');`,
  );
  writeFileSync(
    join(dir, 'incomplete.mjs'),
    `export const metadata = { name: 'incomplete' };\nexport async function run() {}\n`,
  );
  writeFileSync(
    join(dir, 'report.sh'),
    '#!/bin/sh\necho "report for $JOB_PARAM_MONTH"\necho "warning" >&2\nexit 0\n',
  );
  chmodSync(join(dir, 'report.sh'), 0o755);
  writeFileSync(
    join(dir, 'report.sh.job.json'),
    JSON.stringify({
      name: 'report',
      description: 'Monthly report (shell).',
      fields: [{ name: 'month', required: true }],
    }),
  );
  writeFileSync(
    join(dir, 'orphan.job.json'),
    JSON.stringify({ name: 'orphan', description: 'No executable.' }),
  );
}
