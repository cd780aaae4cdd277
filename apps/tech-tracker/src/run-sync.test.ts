import type { SheetStore } from '@toolbelt/google';
import { createLogger } from '@toolbelt/log';
import { describe, expect, it } from 'vitest';
import type { BackupStore } from './adapters/backup-folder.js';
import { messages } from './i18n/index.js';
import { syncTracker, type TrackerSyncDeps } from './run-sync.js';

/** A sheet store port whose reads fail with `error` (writes must not happen). */
function failingStore(location: string, read: () => Promise<never>): SheetStore {
  return {
    kind: 'xlsx',
    location,
    listTabs: () => Promise.resolve([]),
    ensureTab: () => Promise.resolve(),
    readTabs: read,
    write: () => Promise.reject(new Error('no write expected')),
  };
}

const backups: BackupStore = {
  location: '/backups',
  save: () => Promise.reject(new Error('no backup expected')),
  load: () => Promise.reject(new Error('no backup expected')),
};

const options = {
  schoolYear: '25-26',
  today: '2025-07-15',
  now: new Date('2025-07-15T17:00:00Z'),
  timeZone: 'America/Los_Angeles',
  dryRun: false,
  columns: {},
};

describe('syncTracker', () => {
  it('tells the MOT read error when both reads fail, even when the tracker fails first', async () => {
    const motError = new Error('MOT: no Master_25-26');
    const trackerError = new Error('tracker: no 25-26 Tracker');
    let trackerFailed: () => void = () => undefined;
    const trackerDone = new Promise<void>((resolve) => (trackerFailed = resolve));
    const deps: TrackerSyncDeps = {
      mot: failingStore('mot.xlsx', async () => {
        await trackerDone;
        throw motError;
      }),
      tracker: failingStore('tracker.xlsx', () => {
        trackerFailed();
        return Promise.reject(trackerError);
      }),
      backups,
      logger: createLogger({ name: 'tech-tracker', consoleLevel: 'silent' }),
      t: messages.translator('en'),
      apiCalls: () => ({}),
    };
    await expect(syncTracker(deps, options)).rejects.toBe(motError);
  });
});
