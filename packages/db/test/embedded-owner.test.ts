import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDatabaseExists, openDatabase, openEmbeddedDatabase } from '../src/index.js';
import { channelPaths } from '../src/owner-channel.js';

// The one-owner rule of embedded data folders, with real second processes.
const child = new URL('./fixtures/owner-child.mjs', import.meta.url).pathname;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'db-owner-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function start(
  args: string[],
  options: { uid?: number; gid?: number } = {},
): { proc: ChildProcess; lines: AsyncIterator<string> } {
  const proc = spawn(process.execPath, [child, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    ...options,
  });
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  return { proc, lines };
}

async function next(lines: AsyncIterator<string>): Promise<Record<string, unknown>> {
  const line = await lines.next();
  if (line.done === true) throw new Error('the child ended without answering');
  return JSON.parse(line.value) as Record<string, unknown>;
}

function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
    else proc.once('exit', (code) => resolve(code));
  });
}

describe('embedded data folder: one owner', () => {
  it('a second process waits for the lock, naming the holder, and both writes are kept', async () => {
    const dir = join(root, 'turns');
    const first = start(['owner', dir]);
    const firstPid = (await next(first.lines)).owner;
    const second = start(['owner', dir]);
    expect(await next(second.lines)).toEqual({ waitingFor: firstPid });
    // Without waiting: TEMPFAIL (exit 75) naming the holder.
    const refused = await openDatabase({ dataDir: dir, wait: false }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'TEMPFAIL', exitCode: 75, params: { pid: firstPid } });
    first.proc.stdin!.end();
    expect(await exited(first.proc)).toBe(0);
    const secondPid = (await next(second.lines)).owner;
    second.proc.stdin!.end();
    expect(await exited(second.proc)).toBe(0);
    const db = await openDatabase({ dataDir: dir });
    const { rows } = await db.query('SELECT pid FROM turns ORDER BY pid');
    await db.close();
    expect(rows.map((r) => r.pid).sort()).toEqual([firstPid, secondPid].sort());
  });

  it('a sharing owner serves another process: queries, typed values, COPY, rollback, calls', async () => {
    const dir = join(root, 'shared');
    const owner = await openEmbeddedDatabase(dir, { share: true, command: 'test owner' });
    expect(owner.role).toBe('owner');
    owner.handle('double', (n) => Promise.resolve((n as number) * 2));
    await owner.query(
      'CREATE TABLE shared_rows (id int PRIMARY KEY, who text, at timestamptz, raw bytea)',
    );
    await owner.query("INSERT INTO shared_rows (id, who) VALUES (1, 'owner')");
    const client = start(['client', dir]);
    const result = await next(client.lines);
    expect(await exited(client.proc)).toBe(0);
    expect(result).toEqual({
      role: 'client',
      at: '2026-01-02T03:04:05.678Z',
      raw: [1, 2, 255],
      called: 42,
      sqlError: { name: 'ToolbeltError', code: 'INTERNAL' },
    });
    const { rows } = await owner.query('SELECT id, who FROM shared_rows ORDER BY id');
    expect(rows).toEqual([
      { id: 1, who: 'owner' },
      { id: 2, who: 'client' },
      { id: 3, who: 'copied' },
      { id: 4, who: 'copied' },
    ]);
    await owner.close();
  });

  it('has no network connection string; its socket and key are private and refuse a client without the key', async () => {
    const dir = join(root, 'private');
    const owner = await openEmbeddedDatabase(dir, { share: true });
    await owner.query('CREATE TABLE shared_rows (id int)');
    await expect(owner.connectionString()).rejects.toMatchObject({ code: 'USAGE' });
    const paths = channelPaths(dir);
    expect(statSync(paths.socket).mode & 0o777).toBe(0o600);
    expect(statSync(paths.key).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const noKey = start(['raw-connect', dir, paths.socket]);
    const answer = await next(noKey.lines);
    expect(answer).toMatchObject({
      connected: true,
      reply: { ok: false, error: { code: 'AUTH' } },
    });
    expect(JSON.stringify(answer)).not.toContain('"n"');
    if (process.getuid?.() === 0) {
      // Another local user (nobody) cannot even connect.
      const other = start(['raw-connect', dir, paths.socket], { uid: 65534, gid: 65534 });
      expect(await next(other.lines)).toEqual({ connected: false, error: 'EACCES' });
    }
    await owner.close();
    expect(existsSync(paths.socket)).toBe(false);
    expect(existsSync(paths.key)).toBe(false);
  });

  it('after SIGKILL mid-transaction the next open takes the lock over and rolls back', async () => {
    const dir = join(root, 'killed');
    const victim = start(['hold-tx', dir]);
    expect(await next(victim.lines)).toEqual({ inTransaction: true });
    victim.proc.kill('SIGKILL');
    await exited(victim.proc);
    expect(existsSync(join(dir, 'owner.lock'))).toBe(true);
    const db = await openDatabase({ dataDir: dir, wait: false });
    const { rows } = await db.query('SELECT count(*)::int AS n FROM killed_rows');
    expect(rows[0]).toEqual({ n: 0 });
    await db.close();
    expect(existsSync(join(dir, 'owner.lock'))).toBe(false);
  });

  it('tells whether a folder holds a database without creating anything', async () => {
    const dir = join(root, 'nothing-here', '.data', 'tool');
    expect(await embeddedDatabaseExists(dir)).toBe(false);
    expect(existsSync(join(root, 'nothing-here'))).toBe(false);
  });
});
