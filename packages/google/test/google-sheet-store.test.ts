import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { type GoogleStandIn, startGoogleStandIn } from '@toolbelt/testkit/google';
import { createGoogleSheetStore } from '../src/index.js';
import type { CellValue } from '../src/ports.js';
import { describeSheetStoreContract } from './sheet-store.contract.js';

let standIn: GoogleStandIn;
let n = 0;
beforeAll(async () => {
  standIn = await startGoogleStandIn();
}, 60_000);
afterAll(async () => standIn.stop());

const A1 = (row: number, col: number): string => `${String.fromCharCode(65 + col)}${row + 1}`;
const idOf = (i: number): string => `spreadsheet-under-test-${String(i).padStart(6, '0')}`;

describeSheetStoreContract('Google Sheets (googleapis client -> stand-in)', (seed) => {
  const id = idOf(n++);
  standIn.seedSpreadsheet(id, {
    tabs: Object.fromEntries(
      Object.entries(seed.tabs).map(([title, tab]) => [
        title,
        { values: tab.values, strikethrough: (tab.struck ?? []).map(([r, c]) => A1(r, c)) },
      ]),
    ),
  });
  return Promise.resolve(
    createGoogleSheetStore({
      spreadsheetId: id,
      auth: { kind: 'access-token', accessToken: 'test' },
      rootUrl: standIn.rootUrl,
    }),
  );
});

describe('Google Sheets adapter: quota and failures', () => {
  const values: CellValue[][] = [
    ['id', 'name'],
    ['a', 'Ann'],
    ['b', 'Bob'],
  ];
  let id: string;
  beforeEach(() => {
    id = idOf(n++);
    standIn.faults.clear();
    standIn.seedSpreadsheet(id, {
      tabs: { Master: { values, strikethrough: ['A3'] }, Tracker: { values: [['x']] } },
    });
  });
  const storeFor = (
    retry = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 20, maxElapsedMs: 10_000 },
  ) =>
    createGoogleSheetStore({
      spreadsheetId: `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`,
      auth: { kind: 'access-token', accessToken: 'test' },
      rootUrl: standIn.rootUrl,
      retry,
    });

  it('reads values and strikethrough of several tabs in ONE call and writes in ONE batch, whatever the row count', async () => {
    const store = storeFor();
    const before = standIn.requests.count();
    const [master, tracker] = await store.readTabs([
      { tab: 'Master', strikethroughColumn: 0 },
      { tab: 'Tracker' },
    ]);
    expect(master?.struck).toEqual([false, false, true]);
    expect(tracker?.values).toEqual([['x']]);
    await store.write(
      Array.from({ length: 50 }, (_, i) => ({
        kind: 'values' as const,
        tab: 'Tracker',
        range: `A${i + 2}`,
        values: [[`row ${i}`]],
      })),
    );
    expect(standIn.requests.count() - before).toBe(2);
    expect(store.callCounts()).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.spreadsheets.batchUpdate': 1,
    });
    expect(standIn.getValues(id, 'Tracker')).toHaveLength(51);
    const get = standIn.requests
      .log()
      .find((r) => r.method === 'sheets.spreadsheets.get' && r.path.includes(id));
    expect(get?.query.fields).toContain('strikethrough');
  });

  it('retries a 429 with Retry-After: 1 and loses nothing', async () => {
    const store = storeFor();
    await store.listTabs();
    standIn.faults.add({
      kind: 'rateLimit429',
      retryAfterSeconds: 1,
      method: 'sheets.spreadsheets.batchUpdate',
    });
    await store.write([{ kind: 'values', tab: 'Master', range: 'A4', values: [['c', 'Cy']] }]);
    expect(standIn.getValues(id, 'Master')).toEqual([...values, ['c', 'Cy']]);
    expect(store.callCounts()['sheets.spreadsheets.batchUpdate']).toBe(2);
    const log = standIn.requests
      .log()
      .filter((r) => r.method === 'sheets.spreadsheets.batchUpdate' && r.path.includes(id));
    expect(log.map((r) => r.status)).toEqual([429, 200]);
  }, 30_000);

  it('retries 403 rateLimitExceeded and 500, then succeeds', async () => {
    const store = storeFor();
    standIn.faults.add({ kind: 'rateLimit403', method: 'sheets.spreadsheets.get' });
    standIn.faults.add({ kind: 'serverError', method: 'sheets.spreadsheets.get' });
    expect(await store.listTabs()).toEqual(['Master', 'Tracker']);
    expect(store.callCounts()['sheets.spreadsheets.get']).toBe(3);
  });

  it('does not retry a permanent 403 permission error: AUTH, exit 77', async () => {
    const store = storeFor();
    standIn.faults.add({ kind: 'permissionDenied', method: 'sheets.spreadsheets.get', times: 5 });
    const error = await store.readTabs([{ tab: 'Master' }]).catch((e: unknown) => e);
    expect(isToolbeltError(error) && error.code).toBe('AUTH');
    expect(isToolbeltError(error) && error.exitCode).toBe(77);
    expect((error as Error).message).toContain('GOOGLE_ACCESS_TOKEN');
    expect(store.callCounts()['sheets.spreadsheets.get']).toBe(1);
  });

  it('gives up on a service that keeps failing after bounded retries: UNAVAILABLE; on lasting 429s: TEMPFAIL', async () => {
    const store = storeFor({
      maxAttempts: 3,
      baseDelayMs: 5,
      maxDelayMs: 10,
      maxElapsedMs: 10_000,
    });
    standIn.faults.add({ kind: 'serverError', status: 503, times: 3 });
    const down = await store.listTabs().catch((e: unknown) => e);
    expect(isToolbeltError(down) && down.code).toBe('UNAVAILABLE');
    expect(store.callCounts()['sheets.spreadsheets.get']).toBe(3);
    standIn.faults.clear();
    // Retry-After longer than the time budget: give up at once rather than sleep past it.
    const impatient = storeFor({
      maxAttempts: 5,
      baseDelayMs: 5,
      maxDelayMs: 10,
      maxElapsedMs: 1_000,
    });
    standIn.faults.add({ kind: 'rateLimit429', retryAfterSeconds: 30 });
    const limited = await impatient.listTabs().catch((e: unknown) => e);
    expect(isToolbeltError(limited) && limited.code).toBe('TEMPFAIL');
    expect(impatient.callCounts()['sheets.spreadsheets.get']).toBe(1);
  });

  it('retries a request that timed out (slow response)', async () => {
    const store = createGoogleSheetStore({
      spreadsheetId: id,
      auth: { kind: 'access-token', accessToken: 'test' },
      rootUrl: standIn.rootUrl,
      timeoutMs: 300,
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    standIn.faults.add({ kind: 'slow', delayMs: 3_000, method: 'sheets.spreadsheets.get' });
    expect(await store.listTabs()).toEqual(['Master', 'Tracker']);
    expect(store.callCounts()['sheets.spreadsheets.get']).toBe(2);
  }, 30_000);

  it('maps a refused token to AUTH and an unknown spreadsheet to CONFIG', async () => {
    const refusing = await startGoogleStandIn({ acceptToken: (t) => t === 'good' });
    try {
      refusing.seedSpreadsheet(id, { tabs: { Master: { values } } });
      const store = createGoogleSheetStore({
        spreadsheetId: id,
        auth: { kind: 'access-token', accessToken: 'bad' },
        rootUrl: refusing.rootUrl,
      });
      const error = await store.listTabs().catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.code).toBe('AUTH');
    } finally {
      await refusing.stop();
    }
    const missing = createGoogleSheetStore({
      spreadsheetId: idOf(999_999),
      auth: { kind: 'access-token', accessToken: 'test' },
      rootUrl: standIn.rootUrl,
    });
    const notFound = await missing.listTabs().catch((e: unknown) => e);
    expect(isToolbeltError(notFound) && notFound.code).toBe('CONFIG');
  });
});
