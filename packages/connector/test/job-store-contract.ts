import { describe, expect, it } from 'vitest';
import type { JobStore } from '../src/job.js';
import { jobOf } from './helpers.js';

/** What every `JobStore` must do; `make` gives an empty store (on the clock `now` when given). */
export function jobStoreContract(
  name: string,
  make: (now?: () => Date) => Promise<JobStore>,
): void {
  describe(`JobStore contract: ${name}`, () => {
    it('stamps history and log rows with the run clock (TOOLBELT_NOW)', async () => {
      let at = new Date('2023-01-05T14:07:00-08:00');
      const store = await make(() => at);
      const jobId = await store.addJob(jobOf());
      const historyId = await store.createHistory(jobId);
      await store.insertLog({
        jobId,
        historyId,
        connector: 'test-source',
        type: 1,
        text: 'hello',
        external: true,
      });
      at = new Date('2023-01-05T14:09:30-08:00');
      await store.updateHistory(historyId, { status: 2, rowCount: 3 });
      const history = await store.getHistory(historyId);
      expect(history?.startedAt.toISOString()).toBe('2023-01-05T22:07:00.000Z');
      expect(history?.finishedAt?.toISOString()).toBe('2023-01-05T22:09:30.000Z');
      const [log] = await store.listLogs({ historyId });
      expect(log?.loggedAt?.toISOString()).toBe('2023-01-05T22:07:00.000Z');
    });

    it('adds, reads and lists jobs without credentials in the listing', async () => {
      const store = await make();
      const job = jobOf(
        {
          updateMethod: 2,
          filterColumn: 'created_at',
          startSelection: 'Custom',
          startValue: '2024-01-01',
          timezoneOffset: -5,
        },
        { token: 't0ken-value' },
      );
      const id = await store.addJob(job);
      expect(await store.getJob(id)).toEqual({ ...job, id });
      expect(await store.getJob(id + 1000)).toBeUndefined();
      const list = await store.listJobs();
      expect(list).toContainEqual({
        id,
        name: job.name,
        source: 'test-source',
        sourceObject: 'people',
        destination: 'test-destination',
        destinationObject: 'people',
        updateMethod: 2,
      });
      expect(JSON.stringify(list)).not.toContain(job.source.encryptedCredentials);
    });

    it('updates a job in place and removes a job with its history and logs', async () => {
      const store = await make();
      const id = await store.addJob(jobOf());
      const other = await store.addJob(jobOf());
      const changed = jobOf({ name: 'renamed', updateMethod: 2 });
      expect(await store.updateJob(id, changed)).toBe(true);
      expect(await store.getJob(id)).toEqual({ ...changed, id });
      expect(await store.updateJob(id + 1000, changed)).toBe(false);
      const historyId = await store.createHistory(id);
      await store.insertLog({
        jobId: id,
        historyId,
        connector: 'test',
        type: 1,
        text: 'ran',
        external: true,
      });
      expect(await store.removeJob(id)).toBe(true);
      expect(await store.getJob(id)).toBeUndefined();
      expect(await store.listHistory({ jobId: id })).toEqual([]);
      expect(await store.listLogs({ jobId: id })).toEqual([]);
      expect(await store.getJob(other)).toBeDefined();
      expect(await store.removeJob(id)).toBe(false);
    });

    it('keeps history rows with status, row count and finish time', async () => {
      const store = await make();
      const jobId = await store.addJob(jobOf());
      const first = await store.createHistory(jobId);
      const second = await store.createHistory(jobId);
      expect(await store.getHistory(first)).toMatchObject({
        id: first,
        jobId,
        status: 1,
        rowCount: 0,
        finishedAt: null,
      });
      await store.updateHistory(first, { status: 2, rowCount: 42 });
      const done = await store.getHistory(first);
      expect(done).toMatchObject({ status: 2, rowCount: 42 });
      expect(done?.finishedAt).toBeInstanceOf(Date);
      await store.updateHistory(second, { status: 3 });
      expect(await store.getHistory(second)).toMatchObject({ status: 3, rowCount: 0 });
      expect((await store.listHistory({ jobId })).map((h) => h.id)).toEqual([second, first]);
      expect(await store.listHistory({ jobId: jobId + 1000 })).toEqual([]);
    });

    it('marks Failed the Running histories whose owner is gone, and only those', async () => {
      const store = await make();
      const jobId = await store.addJob(jobOf());
      const other = await store.addJob(jobOf());
      const killed = await store.createHistory(jobId, 'host:111');
      const alive = await store.createHistory(jobId, 'host:222');
      const waiting = await store.createHistory(jobId, 'host:333');
      await store.updateHistory(waiting, { status: 1, rowCount: 5, owner: null });
      const finished = await store.createHistory(jobId, 'host:111');
      await store.updateHistory(finished, { status: 2, rowCount: 7 });
      const otherJob = await store.createHistory(other, 'host:111');
      const gone = (owner: string): boolean => owner === 'host:111' || owner === 'host:333';
      expect(await store.failInterruptedHistories(jobId, gone)).toEqual([killed]);
      expect((await store.getHistory(killed))?.status).toBe(3);
      expect((await store.getHistory(killed))?.finishedAt).toBeInstanceOf(Date);
      expect((await store.getHistory(alive))?.status).toBe(1);
      expect(await store.getHistory(waiting)).toMatchObject({ status: 1, rowCount: 5 });
      expect((await store.getHistory(finished))?.status).toBe(2);
      expect((await store.getHistory(otherJob))?.status).toBe(1);
      // A history taken over by a live process is no longer the dead one's.
      await store.updateHistory(alive, { status: 1, owner: 'host:444' });
      expect(await store.failInterruptedHistories(jobId, gone)).toEqual([]);
    });

    it('stores log rows in order, including rows for unknown jobs', async () => {
      const store = await make();
      const jobId = await store.addJob(jobOf());
      const historyId = await store.createHistory(jobId);
      await store.insertLog({
        jobId,
        historyId,
        connector: 'csv',
        type: 1,
        text: 'started',
        external: true,
      });
      await store.insertLog({
        jobId,
        historyId,
        connector: 'csv',
        type: 2,
        text: 'stack trace',
        external: false,
      });
      await store.insertLog({
        jobId: 987654,
        historyId: null,
        connector: 'csv',
        type: 2,
        text: 'Job ID not found: 987654',
        external: true,
      });
      const rows = await store.listLogs({ historyId });
      expect(rows.map(({ loggedAt: _t, ...r }) => r)).toEqual([
        { jobId, historyId, connector: 'csv', type: 1, text: 'started', external: true },
        { jobId, historyId, connector: 'csv', type: 2, text: 'stack trace', external: false },
      ]);
      expect(rows[0]?.loggedAt).toBeInstanceOf(Date);
      expect((await store.listLogs({ jobId: 987654 })).map((r) => r.text)).toEqual([
        'Job ID not found: 987654',
      ]);
    });
  });
}
