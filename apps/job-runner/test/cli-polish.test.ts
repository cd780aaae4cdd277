import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
let dir: TempDir;

async function cli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCliAsync(bin, [...args, '--log-dir', join(dir.path, 'logs')], {
    cwd: dir.path,
    env: { JOB_RUNNER_TOOLBELT: '0', TZ: 'UTC' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = makeTempDir('job-runner-polish');
  writeFileSync(
    join(dir.path, 'pass.mjs'),
    `export const metadata = ${JSON.stringify({
      name: 'pass',
      description: 'Hands a pass to someone.',
      fields: [
        { name: 'target', required: true },
        { name: 'holder', required: true },
        { name: 'times', type: 'integer', default: 2 },
        { name: 'style', options: ['plain', 'loud'], default: 'plain' },
      ],
    })};
export async function run(params, ctx) {
  for (let i = 1; i <= params.times; i++) ctx.log('pass ' + i + ' to ' + params.target);
  ctx.warn('handed by ' + params.holder);
}
`,
  );
});
afterAll(() => dir?.cleanup());

const jobs = () => ['--jobs-dir', dir.path];

it('words bad parameters and names every missing field at once, in English and Russian', async () => {
  const en = await cli([
    'run',
    'pass',
    ...jobs(),
    '--set',
    'times=abc',
    '--set',
    'style=shouty',
    '--set',
    'colour=red',
  ]);
  expect(en.code).toBe(64);
  expect(en.stderr).toContain('Invalid parameters for pass:');
  expect(en.stderr).toContain(
    '  - colour is not a field of this job (its fields: target, holder, times, style)',
  );
  expect(en.stderr).toContain('  - times must be a whole number, not "abc"');
  expect(en.stderr).toContain('  - style must be one of plain, loud, not "shouty"');
  expect(en.stderr).toContain('  - target is required (pass --set target=...)');
  expect(en.stderr).toContain('  - holder is required (pass --set holder=...)');
  expect(en.stderr).not.toMatch(/notInteger|notOption|: unknown/);

  const missing = await cli(['run', 'pass', ...jobs(), '--set', 'target=....', '--lang', 'ru']);
  expect(missing.code).toBe(64);
  expect(missing.stderr).toContain('Неверные параметры задания pass:');
  expect(missing.stderr).toContain('поле holder обязательно (укажите --set holder=...)');
  expect(missing.stderr).not.toContain('target обязательно');

  const json = await cli(['run', 'pass', ...jobs(), '--set', 'times=x', '--json']);
  expect(json.code).toBe(64);
  expect(JSON.parse(json.stdout)).toMatchObject({
    error: {
      code: 'USAGE',
      exitCode: 64,
      problems: [
        'times must be a whole number, not "x"',
        'target is required (pass --set target=...)',
        'holder is required (pass --set holder=...)',
      ],
    },
  });
}, 120_000);

it('runs is an aligned table; logs --json gives the lines, streamed with --follow', async () => {
  for (const target of ['Ann', 'Bartholomew'])
    expect(
      (await cli(['run', 'pass', ...jobs(), '--set', `target=${target}`, '--set', 'holder=Zoe']))
        .code,
    ).toBe(0);

  const runs = await cli(['runs', ...jobs()]);
  const lines = runs.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^ID {2}STATUS +JOB +STARTED +DURATION {2}PARAMETERS$/);
  expect(lines[1]).toMatch(/^-+( {2}-+){5}$/);
  // Every column starts at the same place on every line.
  const starts = (line: string) => [...line.matchAll(/(?<= {2})\S/g)].map((m) => m.index);
  for (const row of lines.slice(2)) {
    expect(starts(row).slice(0, 3)).toEqual(starts(lines[0]!).slice(0, 3));
    expect(row.indexOf('{')).toBe(lines[0]!.indexOf('PARAMETERS'));
    // Durations are right-aligned under their header.
    expect(row.indexOf(' s  {') + 2).toBe(lines[0]!.indexOf('DURATION') + 'DURATION'.length);
  }
  expect(lines[2]).toMatch(
    /^ 2 {2}succeeded \(0\) {2}pass +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\d+\.\d s {2}\{.*"target":"Bartholomew"\}$/,
  );

  const ru = await cli(['runs', ...jobs(), '--lang', 'ru']);
  expect(ru.stdout).toMatch(/^ID {2}СТАТУС +ЗАДАНИЕ +НАЧАЛО +ДЛИТЕЛЬНОСТЬ {2}ПАРАМЕТРЫ\n/);
  expect(ru.stdout).toMatch(/успешно \(0\)/);
  expect(ru.stdout).toMatch(/\d\.\d с/);

  const logs = await cli(['logs', '1', ...jobs(), '--json']);
  expect(logs.code).toBe(0);
  const doc = JSON.parse(logs.stdout) as { lines: number; log: { stream: string; line: string }[] };
  expect(doc.lines).toBe(doc.log.length);
  expect(doc.log.filter((l) => l.stream !== 'system').map((l) => [l.stream, l.line])).toEqual([
    ['stdout', 'pass 1 to Ann'],
    ['stdout', 'pass 2 to Ann'],
    ['stderr', 'handed by Zoe'],
  ]);

  const follow = await cli(['logs', '2', ...jobs(), '--json', '--follow']);
  const records = follow.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(records.at(-1)).toMatchObject({ id: 2, status: 'succeeded' });
  const streamed = records.slice(0, -1);
  expect(streamed.length).toBe(records.at(-1)!.lines);
  expect(streamed.map((r) => r.seq)).toEqual(streamed.map((_, i) => i + 1));
  expect(streamed.some((r) => r.line === 'pass 2 to Bartholomew' && typeof r.at === 'string')).toBe(
    true,
  );
}, 180_000);

it('warns about a --jobs-dir folder that does not exist', async () => {
  const list = await cli(['list', '--jobs-dir', '/nonexistent', ...jobs()]);
  expect(list.code).toBe(0);
  expect(list.stderr).toContain('Warning: the job folder /nonexistent does not exist.');
  expect(list.stdout).toMatch(/pass\s+Hands a pass/);
  const ru = await cli(['list', '--jobs-dir', '/nonexistent', '--lang', 'ru', '--json']);
  expect(ru.stderr).toContain('Внимание: папки заданий /nonexistent нет.');
  expect(JSON.parse(ru.stdout)).toEqual({ jobs: [] });
}, 60_000);
