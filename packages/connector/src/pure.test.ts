import { describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { batchKey, batchNumberOf, createBatchWriter, sortBatchKeys } from './batches.js';
import type { BlobStore } from './blob-store.js';
import {
  destinationColumnsOf,
  sourceColumnsOf,
  toDestinationRow,
  validateMapping,
} from './columns.js';
import { findMissingEnv, requireEnv } from './env.js';
import { toNewJob, validateJobDefinition } from './job-definition.js';
import { decryptCredentials } from './credentials.js';
import { parseRegistry } from './registry.js';
import { computeSelectionWindow, isInWindow } from './selection.js';

const mapping = [
  { column: 'a', mapped: 'x' },
  { column: 'b', mapped: '' },
  { column: 'c', mapped: 'y' },
  { column: 'd', mapped: 'x' },
];

describe('columns', () => {
  it('derives destination and source columns as the template does', () => {
    expect(destinationColumnsOf(mapping)).toEqual(['a', 'b', 'c', 'd']);
    expect(sourceColumnsOf(mapping)).toEqual(['x', 'y']);
    expect(toDestinationRow(mapping, { x: 1, y: 'two', z: 3 })).toEqual({
      a: 1,
      b: null,
      c: 'two',
      d: 1,
    });
    const problems = validateMapping([{ column: 'a' }, { column: 'a', mapped: 'b' }]);
    expect(problems.map((p) => p.en)).toEqual(["JobDataJSON[1].column 'a' appears twice."]);
    expect(problems.map((p) => p.ru)).toEqual(["JobDataJSON[1].column 'a' встречается дважды."]);
  });
});

describe('selection window', () => {
  const now = new Date('2024-03-10T03:00:00Z');
  it('resolves Today and Yesterday in the job time zone', () => {
    // 03:00 UTC is still 22:00 on March 9 at UTC-5.
    const window = computeSelectionWindow(
      { startSelection: 'Yesterday', endSelection: 'Today', timezoneOffset: -5 },
      now,
    );
    expect(window.start?.toISOString()).toBe('2024-03-08T05:00:00.000Z');
    expect(window.end?.toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(isInWindow('2024-03-09T23:00:00Z', window)).toBe(true);
    expect(isInWindow('2024-03-08T04:59:59Z', window)).toBe(false);
    expect(isInWindow('not a date', window)).toBe(false);
  });
  it('takes Custom values and rejects bad ones', () => {
    const window = computeSelectionWindow(
      {
        startSelection: 'Custom',
        startValue: '2024-01-01',
        endSelection: 'Custom',
        endValue: '2024-02-01T00:00:00Z',
      },
      now,
    );
    expect(window).toEqual({
      start: new Date('2024-01-01T00:00:00Z'),
      end: new Date('2024-02-01T00:00:00Z'),
    });
    expect(computeSelectionWindow({}, now)).toEqual({});
    expect(() =>
      computeSelectionWindow({ startSelection: 'Custom', startValue: 'soon' }, now),
    ).toThrow(/Not a date/);
  });
});

describe('batches', () => {
  it('names and orders batch keys', () => {
    expect(batchKey(7, 3)).toBe('etlJobHistory/e7-b3.json');
    expect(batchNumberOf('etlJobHistory/e7-b12.json')).toBe(12);
    expect(sortBatchKeys(['etlJobHistory/e7-b10.json', 'etlJobHistory/e7-b2.json', 'x'])).toEqual([
      'etlJobHistory/e7-b2.json',
      'etlJobHistory/e7-b10.json',
    ]);
  });

  it('numbers the objects from 0, as the original: e{history}-b0.json first', async () => {
    const written: string[] = [];
    const store = {
      put: (k: string) => Promise.resolve(void written.push(k)),
    } as unknown as BlobStore;
    const writer = createBatchWriter({ store, historyId: 42, maxRows: 1 });
    for (let i = 0; i < 3; i += 1) await writer.add({ i });
    expect((await writer.close()).keys).toEqual(written);
    expect(written).toEqual([
      'etlJobHistory/e42-b0.json',
      'etlJobHistory/e42-b1.json',
      'etlJobHistory/e42-b2.json',
    ]);
    expect(sortBatchKeys([...written].reverse())).toEqual(written);
  });

  it('starts a new object before passing the byte limit, and by rows', async () => {
    const written = new Map<string, string>();
    const store = {
      put: (k: string, b: string) => Promise.resolve(void written.set(k, b)),
    } as unknown as BlobStore;
    const row = { id: 1, text: 'x'.repeat(90) }; // 109 bytes of JSON
    const writer = createBatchWriter({ store, historyId: 3, maxBytes: 300 });
    for (let i = 0; i < 5; i += 1) await writer.add(row);
    const summary = await writer.close();
    expect(summary.batches).toBe(3);
    expect(summary.rows).toBe(5);
    for (const body of written.values()) expect(Buffer.byteLength(body)).toBeLessThanOrEqual(300);
    expect([...written.keys()]).toEqual([
      'etlJobHistory/e3-b0.json',
      'etlJobHistory/e3-b1.json',
      'etlJobHistory/e3-b2.json',
    ]);
    expect(JSON.parse(written.get('etlJobHistory/e3-b0.json') as string)).toEqual([row, row]);
    expect(summary.bytes).toBe([...written.values()].reduce((n, b) => n + Buffer.byteLength(b), 0));

    const byRows = createBatchWriter({ store, historyId: 4, maxRows: 2 });
    for (let i = 0; i < 5; i += 1) await byRows.add({ i });
    expect((await byRows.close()).batches).toBe(3);
  });
});

describe('registry, env and job files', () => {
  it('reads the original map layout and the list layout', () => {
    const map = parseRegistry({ salesforce: { credentials: ['token'] } });
    expect(map.get('salesforce')).toEqual({ id: 'salesforce', credentials: ['token'], env: [] });
    const list = parseRegistry([
      { connector_id: 'csv', credentials: [], env: ['CSV_DIR'], module: './x.js' },
    ]);
    expect(list.get('csv')).toEqual({
      id: 'csv',
      credentials: [],
      env: ['CSV_DIR'],
      module: './x.js',
    });
    try {
      parseRegistry([{ credentials: 'token' }, { connector_id: 'a', env: [1] }]);
      expect.unreachable();
    } catch (error) {
      expect(isToolbeltError(error) && error.problems).toEqual([
        'connectors.yaml: item 1: connector_id is missing.',
        'connectors.yaml: a: env must be a list of names.',
      ]);
    }
  });

  it('names the first missing variable in the exact words of the template', () => {
    expect(findMissingEnv({ JOB_ID: '1', MASTER_HASH: '' }, ['JOB_ID', 'MASTER_HASH'])).toBe(
      'MASTER_HASH',
    );
    expect(() => requireEnv({}, ['JOB_ID'])).toThrow(
      "Unable to start job. Environment variable was not provided: 'JOB_ID'",
    );
  });

  it('validates a job file and encrypts its credentials', () => {
    expect(
      validateJobDefinition({
        name: '',
        source: {},
        destination: { connector: 'pg', object: 't' },
        mapping: [],
        updateMethod: 'merge',
      }).map((p) => p.en),
    ).toEqual([
      'name must be a non-empty string.',
      'source.connector must be a connector id.',
      'source.object must be a string.',
      'updateMethod must be append or replace.',
    ]);
    const job = toNewJob(
      {
        name: 'j',
        source: { connector: 'csv', object: 'a.csv', credentials: { token: 'abc-secret' } },
        destination: { connector: 'postgres', object: 't' },
        mapping: [{ column: 'a', mapped: 'a' }],
        updateMethod: 'replace',
      },
      'mh',
    );
    expect(job.updateMethod).toBe(2);
    expect(job.destination.encryptedCredentials).toBeNull();
    expect(decryptCredentials(job.source.encryptedCredentials as string, 'mh')).toEqual({
      token: 'abc-secret',
    });
  });
});
