import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@toolbelt/db';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { startCli } from '@toolbelt/testkit/run-cli';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { MASTER_HASH } from './helpers.js';

// connector-template on the embedded default: one process per data folder, the others wait.
const bin = appBin(import.meta.url);
const dir = makeTempDir('connector-embedded');

/** Starts the CLI in `cwd` on the embedded default; `seen(text)` waits until it printed `text`. */
function cli(args: string[], cwd = dir.path) {
  const started = startCli(bin, [...args, '--log-dir', join(cwd, 'logs')], {
    cwd,
    env: { MASTER_HASH },
  });
  const waiters: (() => void)[] = [];
  started.child.stdout?.on('data', () => waiters.forEach((w) => w()));
  started.child.stderr?.on('data', () => waiters.forEach((w) => w()));
  const printed = (text: string): boolean => {
    const { stdout, stderr } = started.output();
    return (stdout + stderr).includes(text);
  };
  return {
    done: started.done,
    seen: (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => printed(text) && resolve();
        waiters.push(check);
        check();
        void started.done.then((r) => {
          check();
          reject(new Error(`ended without "${text}":\n${r.stderr}`));
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
      expect(list).toMatchObject({ status: 0 });
      expect(list.stdout).toContain('No jobs yet');
      const history = await cli(['history'], empty.path).done;
      expect(history).toMatchObject({ status: 0, stdout: 'No job history yet.\n' });
      expect(existsSync(join(empty.path, '.data'))).toBe(false);
    } finally {
      await empty.cleanup();
    }
  });

  it('two runs while another process has the folder: both wait, then both complete', async () => {
    for (const file of ['a.json', 'b.json'])
      expect((await cli(['jobs', 'add', '--file', file]).done).status).toBe(0);
    // This test process takes the folder, as a long run would.
    const holder = await openDatabase({ dataDir: join(dir.path, '.data/connector-template') });
    const refused = await cli(['run', '--job', '1', '--no-wait', '--json']).done;
    expect(refused.status).toBe(75);
    expect(refused.stdout).toContain(`(pid ${process.pid} `);
    const first = cli(['run', '--job', '1', '--json']);
    const second = cli(['run', '--job', '2', '--json']);
    const waiting = `waiting for toolbelt (pid ${process.pid}) to release .data/connector-template`;
    await first.seen(waiting);
    await second.seen(waiting);
    await holder.close();
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
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
