import { describe, expect, it } from 'vitest';
import { ToolbeltError } from '@toolbelt/errors';
import { classifyGoogleError, createGoogleCaller } from './google-call.js';
import { parseSpreadsheetRef } from './spreadsheet-ref.js';

const httpError = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, data, headers: new Headers(headers) },
  });

describe('classifyGoogleError', () => {
  it('retries 429, 5xx and 403 usage limits; not 403 permission or 404', () => {
    expect(classifyGoogleError(httpError(429, {}, { 'retry-after': '2' }), 0)).toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(classifyGoogleError(httpError(503, {}), 0).retryable).toBe(true);
    expect(
      classifyGoogleError(
        httpError(403, { error: { errors: [{ reason: 'userRateLimitExceeded' }], code: 403 } }),
        0,
      ).retryable,
    ).toBe(true);
    expect(
      classifyGoogleError(
        httpError(403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } }),
        0,
      ).retryable,
    ).toBe(false);
    expect(classifyGoogleError(httpError(404, {}), 0).retryable).toBe(false);
    expect(
      classifyGoogleError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 0).retryable,
    ).toBe(true);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const at = (value: string, now: number) =>
      classifyGoogleError(httpError(503, {}, { 'retry-after': value }), now).retryAfterMs;
    expect(at('3', 0)).toBe(3000);
    expect(at(new Date(10_000).toUTCString(), 5_000)).toBe(5000);
    expect(at('soon', 0)).toBeUndefined();
  });
});

describe('createGoogleCaller', () => {
  it('backs off exponentially with jitter, honours Retry-After and gives up within the time budget', async () => {
    const waits: number[] = [];
    let clock = 0;
    const caller = createGoogleCaller({
      retry: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000, maxElapsedMs: 5_000 },
      random: () => 0.5,
      now: () => clock,
      sleep: (ms) => {
        waits.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    });
    let calls = 0;
    const error = await caller
      .call('m', () => {
        calls += 1;
        return Promise.reject(
          calls === 3 ? httpError(429, {}, { 'retry-after': '2' }) : httpError(500, {}),
        );
      })
      .catch((e: unknown) => e);
    expect((error as ToolbeltError).code).toBe('UNAVAILABLE');
    expect(waits.slice(0, 3)).toEqual([75, 150, 2125]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5_000);
    expect(caller.callCounts()).toEqual({ m: calls });
  });
});

describe('a Retry-After beyond the time budget', () => {
  it('says the server asked to retry after 120 s, beyond the budget, and waited for nothing', async () => {
    const waits: number[] = [];
    const caller = createGoogleCaller({
      retry: { maxElapsedMs: 60_000 },
      now: () => 0,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    const error = (await caller
      .call('sheets.spreadsheets.get', () =>
        Promise.reject(httpError(429, {}, { 'retry-after': '120' })),
      )
      .catch((e: unknown) => e)) as ToolbeltError;
    expect(error.code).toBe('TEMPFAIL');
    expect(waits).toEqual([]);
    expect(error.key).toBe('google:errors.rateLimitedRetryAfter');
    expect(error.message).toContain('retry after 120 s');
    expect(error.message).toContain('retry budget of 60 s');
    expect(error.message).toContain('attempts: 1');
    expect(error.message).not.toContain('within');
  });
});

describe('references', () => {
  it('tells Google ids and URLs from .xlsx paths', () => {
    expect(
      parseSpreadsheetRef(
        'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab/edit#gid=0',
      ),
    ).toEqual({ kind: 'google', spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab' });
    expect(parseSpreadsheetRef('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab')).toEqual({
      kind: 'google',
      spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab',
    });
    expect(parseSpreadsheetRef('reports/Learning Report.XLSX')).toEqual({
      kind: 'xlsx',
      path: 'reports/Learning Report.XLSX',
    });
    expect(() => parseSpreadsheetRef('notes.txt')).toThrow(ToolbeltError);
  });
});
