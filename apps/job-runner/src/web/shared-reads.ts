import type { LogLine, RunRecord, RunStore } from '../adapters/run-store.js';

/** The store reads that live followers of a run repeat. */
export type FollowReads = Pick<RunStore, 'getRun' | 'readLines'>;

/**
 * Reads shared by every live follower of a run, so that twenty open log pages cost about one
 * reader, not twenty, while the run is still writing. Identical reads in flight are answered by
 * one query. A full page of lines never changes (a run's lines are append-only, in `seq`
 * order), so the last `keepPages` full pages are also kept for followers that are a little
 * behind; a short page (the live tail) and a run record are shared only while in flight.
 */
export function createSharedReads(store: FollowReads, keepPages = 16): FollowReads {
  const pages = new Map<string, Promise<LogLine[]>>();
  const runs = new Map<number, Promise<RunRecord | undefined>>();
  return {
    getRun(id) {
      let pending = runs.get(id);
      if (!pending) {
        pending = store.getRun(id);
        runs.set(id, pending);
        const forget = () => runs.delete(id);
        pending.then(forget, forget);
      }
      return pending;
    },
    readLines(runId, afterSeq, limit) {
      const key = `${runId}:${afterSeq}:${limit}`;
      const known = pages.get(key);
      if (known) {
        pages.delete(key);
        pages.set(key, known);
        return known;
      }
      const pending = store.readLines(runId, afterSeq, limit);
      pages.set(key, pending);
      pending.then(
        (lines) => {
          if (lines.length < limit) pages.delete(key);
        },
        () => pages.delete(key),
      );
      while (pages.size > keepPages) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
      return pending;
    },
  };
}
