import { expect, it } from 'vitest';
import type { LogLine, RunRecord } from '../adapters/run-store.js';
import { createSharedReads, type FollowReads } from './shared-reads.js';

/** A store of `total` lines that counts its queries and answers when told to. */
function countingStore(total: number) {
  const calls = { getRun: 0, readLines: 0 };
  const store: FollowReads = {
    async getRun(id) {
      calls.getRun++;
      await new Promise((r) => setTimeout(r, 5));
      return { id } as RunRecord;
    },
    async readLines(_runId, after, limit) {
      calls.readLines++;
      await new Promise((r) => setTimeout(r, 5));
      const lines: LogLine[] = [];
      for (let seq = after + 1; seq <= Math.min(total, after + limit); seq++)
        lines.push({ seq, stream: 'stdout', line: `line ${seq}` } as LogLine);
      return lines;
    },
  };
  return { store, calls };
}

it('twenty followers reading the same pages cost one query per page', async () => {
  const { store, calls } = countingStore(10_000);
  const shared = createSharedReads(store);
  const follow = async () => {
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      await shared.getRun(1);
      const lines = await shared.readLines(1, after, 2000);
      if (lines.length === 0) break;
      seen.push(...lines.map((l) => l.seq));
      after = lines[lines.length - 1]!.seq;
    }
    return seen;
  };
  const results = await Promise.all(Array.from({ length: 20 }, follow));
  for (const seen of results) expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
  // 5 full pages and one empty read, each once; the run record once per round.
  expect(calls.readLines).toBe(6);
  expect(calls.getRun).toBe(6);
});

it('a short page (the live tail) is read again, so new lines are seen', async () => {
  const { store, calls } = countingStore(10);
  const shared = createSharedReads(store);
  expect(await shared.readLines(1, 0, 2000)).toHaveLength(10);
  expect(await shared.readLines(1, 0, 2000)).toHaveLength(10);
  expect(calls.readLines).toBe(2);
});

it('keeps only the newest full pages', async () => {
  const { store, calls } = countingStore(100);
  const shared = createSharedReads(store, 2);
  for (const after of [0, 10, 20]) await shared.readLines(1, after, 10);
  await shared.readLines(1, 20, 10);
  expect(calls.readLines).toBe(3);
  await shared.readLines(1, 0, 10);
  expect(calls.readLines).toBe(4);
});
