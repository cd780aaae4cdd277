import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@toolbelt/db';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { MASTER_HASH } from './helpers.js';

// connector-template on the embedded default: one process per data folder, the others wait.
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const dir = makeTempDir('connector-embedded');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  cwd = dir.path,
): { done: Promise<Run>; seen: (t: string) => Promise<void> } {
  const env: Record<string, string | undefined> = { ...process.env, MASTER_HASH, NO_COLOR: '1' };
  for (const k of ['DATABASE_URL', 'PGLITE_DIR', 'S3_BUCKET', 'JOB_ID', 'TOOLBELT_LANG'])
    delete env[k];
  const child = spawn(process.execPath, [bin, ...args, '--log-dir', join(cwd, 'logs')], {
    cwd,
    env,
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  const onData = () => waiters.forEach((w) => w());
  child.stdout.on('data', (c: Buffer) => ((stdout += c.toString()), onData()));
  child.stderr.on('data', (c: Buffer) => ((stderr += c.toString()), onData()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    done,
    seen: (text) =>
      new Promise((resolve, reject) => {
        const check = () => (stdout + stderr).includes(text) && resolve();
        waiters.push(check);
        check();
        void done.then(() => {
          check();
          reject(new Error(`ended without "${text}":\n${stderr}`));
        });
      }),
  };
}

const job = (name: string, out: string) => ({
  name,
  source: { connector: 'csv', object: 'people.csv' },
  destination: { connector: 'csv', object: out },
  mapping: [
    { column: 'id', mapped: 'id' },
    { column: 'name', mapped: 'name' },
  ],
  updateMethod: 'replace',
});

beforeAll(() => {
  writeFileSync(join(dir.path, 'people.csv'), 'id,name\n1,Ann\n2,Bob\n');
  writeFileSync(join(dir.path, 'a.json'), JSON.stringify(job('A', 'a-out.csv')));
  writeFileSync(join(dir.path, 'b.json'), JSON.stringify(job('B', 'b-out.csv')));
});
afterAll(() => dir.cleanup());

describe('connector-template on the embedded database', () => {
  it('jobs list and history in a folder with no data create nothing', async () => {
    const empty = makeTempDir('connector-empty');
    try {
      const list = await cli(['jobs', 'list'], empty.path).done;
      expect(list).toMatchObject({ code: 0 });
      expect(list.stdout).toContain('No jobs yet');
      const history = await cli(['history'], empty.path).done;
      expect(history).toMatchObject({ code: 0, stdout: 'No job history yet.\n' });
      expect(existsSync(join(empty.path, '.data'))).toBe(false);
    } finally {
      await empty.cleanup();
    }
  });

  it('two runs while another process has the folder: both wait, then both complete', async () => {
    for (const file of ['a.json', 'b.json'])
      expect((await cli(['jobs', 'add', '--file', file]).done).code).toBe(0);
    // This test process takes the folder, as a long run would.
    const holder = await openDatabase({ dataDir: join(dir.path, '.data/connector-template') });
    const refused = await cli(['run', '--job', '1', '--no-wait', '--json']).done;
    expect(refused.code).toBe(75);
    expect(refused.stdout).toContain(`(pid ${process.pid} `);
    const first = cli(['run', '--job', '1', '--json']);
    const second = cli(['run', '--job', '2', '--json']);
    const waiting = `waiting for toolbelt (pid ${process.pid}) to release .data/connector-template`;
    await first.seen(waiting);
    await second.seen(waiting);
    await holder.close();
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const history = await cli(['history', '--json']).done;
    const rows = (JSON.parse(history.stdout) as { history: { jobId: number; status: string }[] })
      .history;
    expect(
      rows
        .filter((r) => r.status === 'Finished')
        .map((r) => r.jobId)
        .sort(),
    ).toEqual([1, 2]);
  }, 120_000);
});
