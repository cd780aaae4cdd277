import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appBin, runBin } from '@toolbelt/testkit/cli-mistakes';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { MASTER_HASH } from './helpers.js';

const bin = appBin(import.meta.url);
const dir = makeTempDir('connector-progress');
const ROWS = 400_000;
let env: Record<string, string>;
let jobId: number;

beforeAll(async () => {
  env = {
    DATABASE_URL: await testDatabaseUrl(),
    MASTER_HASH,
    OBJECTS_DIR: join(dir.path, 'objects'),
  };
  const lines = ['id,name,amount'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${i},name ${i},${i % 100}.5`);
  writeFileSync(join(dir.path, 'big.csv'), lines.join('\n') + '\n');
  writeFileSync(
    join(dir.path, 'big-job.json'),
    JSON.stringify({
      name: 'Big CSV copy',
      source: { connector: 'csv', object: 'big.csv' },
      destination: { connector: 'csv', object: 'copy.csv' },
      mapping: ['id', 'name', 'amount'].map((c) => ({ column: c, mapped: c })),
      updateMethod: 'replace',
    }),
  );
  const added = runBin(bin, ['jobs', 'add', '--file', 'big-job.json', '--json'], {
    cwd: dir.path,
    env,
  });
  jobId = (JSON.parse(added.stdout) as { id: number }).id;
}, 120_000);
afterAll(() => dir.cleanup());

describe('a 400,000-row job shows its progress', () => {
  it('as a bar with rows read, batches and rows loaded, on a terminal', async () => {
    const r = await runOnPty([process.execPath, '--', bin, 'run', '--job', String(jobId)], [], {
      cwd: dir.path,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NO_COLOR: '1',
        ...env,
      },
      timeoutSeconds: 240,
    });
    expect(r.code, r.output.slice(-2000)).toBe(0);
    const text = r.output;
    // The last drawing of the bar (batches of at most 5 MiB: 5 of them).
    expect(text).toMatch(/job \[█+\] 2\/2 100% \| read: 400,000 \| batches: 5 \| loaded: 400,000/);
    // The result is printed once the bar is done.
    expect(text).toMatch(/destination \(csv\): Finished, 400000 rows\./);
  }, 300_000);

  it('draws nothing without a terminal, nor with --json', () => {
    const piped = runBin(bin, ['run', '--job', String(jobId)], { cwd: dir.path, env });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('job [');
    expect(piped.stderr).not.toContain('\u001b[');
  }, 300_000);

  it('draws nothing with --json on a terminal', async () => {
    const r = await runOnPty(
      [process.execPath, '--', bin, 'run', '--job', String(jobId), '--json'],
      [],
      {
        cwd: dir.path,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          NO_COLOR: '1',
          ...env,
        },
        timeoutSeconds: 240,
      },
    );
    expect(r.code).toBe(0);
    expect(r.output).not.toContain('job [');
    expect(r.output).not.toContain('read:');
  }, 300_000);
});

describe('Ctrl-C during a 400,000-row job, on a real terminal', () => {
  it('exits 130 with "cancelled" and how many rows were read and loaded', async () => {
    const r = await runOnPty(
      [process.execPath, '--', bin, 'run', '--job', String(jobId)],
      [{ waitFor: 'Uploaded batch', send: '\u0003' }],
      {
        cwd: dir.path,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          NO_COLOR: '1',
          ...env,
        },
        timeoutSeconds: 240,
      },
    );
    expect(r.sawAll, r.output.slice(-1000)).toBe(true);
    expect(r.code, r.output.slice(-1000)).toBe(130);
    expect(r.output).toMatch(
      /\ncancelled\. Stopped after \d+ rows read and \d+ loaded; the next run of the job marks this run Failed\./,
    );
    expect(r.output).not.toContain('This is a bug');
  }, 300_000);
});
