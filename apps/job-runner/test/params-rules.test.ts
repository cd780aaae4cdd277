import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Issue 14's acceptance lines for job-runner, end to end through the CLI and the run store:
// a `date` field takes only real calendar dates, and the flags of a Toolbelt CLI job that the
// one secret-name rule of @toolbelt/log calls secret (client-key, webhook) are stored masked.

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;

const cli = (args: string[]) =>
  runCli(bin, [...args, '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env: { TZ: 'UTC' },
  });

beforeAll(() => {
  dir = makeTempDir('job-runner-params-rules');
  mkdirSync(join(dir.path, 'jobs'));
  writeFileSync(
    join(dir.path, 'jobs', 'report.mjs'),
    `export const metadata = ${JSON.stringify({
      name: 'report',
      description: 'A report for one day.',
      fields: [{ name: 'day', type: 'date', required: true }],
    })};\nexport async function run(params) { console.log('report for ' + params.day); }\n`,
  );
  // An installed Toolbelt CLI, as npm lays it out, whose flags include two secrets.
  const pkg = join(dir.path, 'node_modules', '@toolbelt', 'sync-tool');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: '@toolbelt/sync-tool', version: '1.0.0', oclif: { bin: 'sync-tool' } }),
  );
  writeFileSync(
    join(pkg, 'bin', 'run.js'),
    "#!/usr/bin/env node\nconsole.log('flags: ' + process.argv.slice(3).length);\n",
  );
  chmodSync(join(pkg, 'bin', 'run.js'), 0o755);
  const flag = (name: string, summary: string) => ({ name, type: 'option', summary });
  writeFileSync(
    join(pkg, 'oclif.manifest.json'),
    JSON.stringify({
      commands: {
        push: {
          id: 'push',
          summary: 'Push the rows.',
          flags: {
            'client-key': flag('client-key', 'API client key.'),
            webhook: flag('webhook', 'Slack webhook URL.'),
            sheet: flag('sheet', 'Spreadsheet id.'),
          },
        },
      },
    }),
  );
});
afterAll(() => dir.cleanup());

it('rejects --set day=2023-02-31 for a date field, in English and Russian, storing nothing', () => {
  const en = cli(['run', 'report', '--jobs-dir', 'jobs', '--set', 'day=2023-02-31']);
  expect(en.status).toBe(64);
  expect(en.stderr).toContain('Invalid parameters for report:');
  expect(en.stderr).toContain('  - day must be a date like 2026-11-22, not "2023-02-31"');
  const ru = cli([
    'run',
    'report',
    '--jobs-dir',
    'jobs',
    '--set',
    'day=2023-02-31',
    '--lang',
    'ru',
  ]);
  expect(ru.status).toBe(64);
  expect(ru.stderr).toContain('поле day должно быть датой вида 2026-11-22, а не «2023-02-31»');
  const json = cli(['run', 'report', '--jobs-dir', 'jobs', '--set', 'day=2023-02-31', '--json']);
  expect(JSON.parse(json.stdout)).toMatchObject({
    error: { code: 'USAGE', problems: ['day must be a date like 2026-11-22, not "2023-02-31"'] },
  });
  const ok = cli(['run', 'report', '--jobs-dir', 'jobs', '--set', 'day=2024-02-29']);
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('report for 2024-02-29');
  const runs = JSON.parse(cli(['runs', '--json']).stdout) as { runs: { params: object }[] };
  expect(runs.runs.map((r) => r.params)).toEqual([{ day: '2024-02-29' }]);
}, 120_000);

it('stores the client-key and webhook flags of a Toolbelt CLI job as ***', () => {
  const described = cli(['describe', 'sync-tool push']).stdout;
  expect(described).toContain('client-key (string, secret)');
  expect(described).toContain('webhook (string, secret)');
  expect(described).toContain('sheet (string)');
  const key = 'ck-7f3a9b2e41d0';
  const hook = 'https://hooks.slack.example/T000/B000/x9y8z7';
  const run = cli([
    ...['run', 'sync-tool push', '--set', `client-key=${key}`],
    ...['--set', `webhook=${hook}`, '--set', 'sheet=abc', '--json'],
  ]);
  expect(run.status).toBe(0);
  const { id } = JSON.parse(run.stdout) as { id: number };
  const runs = JSON.parse(cli(['runs', '--json']).stdout) as {
    runs: { id: number; params: Record<string, string> }[];
  };
  expect(runs.runs.find((r) => r.id === id)?.params).toEqual({
    'client-key': '***',
    webhook: '***',
    sheet: 'abc',
  });
  // The job got the real values (three flags on its command line), and no stored line has them.
  const logs = cli(['logs', String(id), '--json']);
  expect(logs.stdout).toContain('flags: 3');
  expect(logs.stdout).not.toContain(key);
  expect(logs.stdout).not.toContain(hook);
}, 120_000);
