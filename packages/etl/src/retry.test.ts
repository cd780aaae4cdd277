import { describe, expect, it } from 'vitest';
import { RetryableError, retryAfterMs, withRetry, type RetryGiveUp } from './retry.js';

/** A clock that the recorded waits move forward: the budget is checked without real time. */
function fakeTime() {
  const waits: number[] = [];
  let clock = 0;
  return {
    waits,
    now: () => clock,
    sleep: (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  };
}

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(' 1.5 ', 0)).toBe(1500);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 5_000)).toBe(5000);
    expect(retryAfterMs(new Date(1_000).toUTCString(), 5_000)).toBe(0);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs('', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('backs off exponentially with equal jitter, capped per step, and honours Retry-After', async () => {
    const time = fakeTime();
    const seen: number[] = [];
    const result = await withRetry(
      (previous) => {
        seen.push(previous);
        if (previous === 2) throw new RetryableError('429', 2000);
        if (previous < 4) throw new RetryableError('503');
        return 'ok';
      },
      { retries: 5, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.5, ...time },
    );
    expect(result).toBe('ok');
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    // steps 100, 200, (Retry-After 2000 + 0.5 * 250), 300 capped
    expect(time.waits).toEqual([75, 150, 2125, 225]);
  });

  it('waits the plain steps without jitter', async () => {
    const time = fakeTime();
    await withRetry(
      (previous) => {
        if (previous < 3) throw new RetryableError('x', previous === 0 ? 1000 : undefined);
        return 1;
      },
      { baseDelayMs: 100, jitter: false, ...time },
    );
    expect(time.waits).toEqual([1000, 200, 400]);
  });

  it('retries only what shouldRetry accepts, and passes other errors through as they are', async () => {
    const bug = new TypeError('a bug');
    let calls = 0;
    const error = await withRetry(
      () => {
        calls += 1;
        throw bug;
      },
      { sleep: () => Promise.resolve() },
    ).catch((e: unknown) => e);
    expect(error).toBe(bug);
    expect(calls).toBe(1);

    const thrown = { not: 'an error' };
    let tries = 0;
    const custom = await withRetry(
      () => {
        tries += 1;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: a non-Error thrown
        throw thrown;
      },
      { retries: 2, shouldRetry: (e) => e === thrown, sleep: () => Promise.resolve() },
    ).catch((e: unknown) => e);
    expect(custom).toBe(thrown);
    expect(tries).toBe(3);
  });

  it('tells onGiveUp why it stopped: attempts, not retryable', async () => {
    const reasons: RetryGiveUp[] = [];
    const onGiveUp = (info: RetryGiveUp) => {
      reasons.push(info);
      return new Error(`gave up: ${info.reason} after ${info.attempts}`);
    };
    const ranOut = await withRetry(
      () => {
        throw new RetryableError('down');
      },
      { retries: 2, sleep: () => Promise.resolve(), onGiveUp },
    ).catch((e: unknown) => (e as Error).message);
    expect(ranOut).toBe('gave up: attempts after 3');
    const refused = await withRetry(
      () => {
        throw new Error('403');
      },
      { onGiveUp },
    ).catch((e: unknown) => (e as Error).message);
    expect(refused).toBe('gave up: notRetryable after 1');
    expect((reasons[0]?.error as Error).message).toBe('down');
  });

  it('stops at once when the server asks for a wait beyond the budget, and says so', async () => {
    const time = fakeTime();
    let info: RetryGiveUp | undefined;
    await withRetry(
      () => {
        throw new RetryableError('429', 120_000);
      },
      {
        budgetMs: 60_000,
        ...time,
        onGiveUp: (i) => {
          info = i;
          return i.error;
        },
      },
    ).catch(() => undefined);
    expect(time.waits).toEqual([]);
    expect(info).toMatchObject({
      reason: 'budget',
      attempts: 1,
      retryAfterMs: 120_000,
      budgetMs: 60_000,
    });
  });

  it('stops a back-off that would end past the budget, without a Retry-After', async () => {
    const time = fakeTime();
    let info: RetryGiveUp | undefined;
    await withRetry(
      () => {
        throw new RetryableError('503');
      },
      {
        retries: 20,
        baseDelayMs: 1000,
        jitter: false,
        budgetMs: 5000,
        ...time,
        onGiveUp: (i) => {
          info = i;
          return i.error;
        },
      },
    ).catch(() => undefined);
    expect(time.waits).toEqual([1000, 2000]);
    expect(info).toMatchObject({ reason: 'budget', attempts: 3, elapsedMs: 3000, delayMs: 4000 });
    expect(info?.retryAfterMs).toBeUndefined();
  });

  it('tells onRetry before each wait', async () => {
    const told: unknown[] = [];
    await withRetry(
      (previous) => {
        if (previous === 0) throw new RetryableError('429', 500);
        return undefined;
      },
      { jitter: false, sleep: () => Promise.resolve(), onRetry: (i) => told.push(i) },
    );
    expect(told).toMatchObject([{ attempt: 1, delayMs: 500, retryAfterMs: 500 }]);
  });

  it('ends with the signal: before an attempt and during a real wait', async () => {
    const before = new AbortController();
    const reason = new Error('cancelled');
    before.abort(reason);
    let calls = 0;
    const early = await withRetry(
      () => {
        calls += 1;
        return 1;
      },
      { signal: before.signal },
    ).catch((e: unknown) => e);
    expect(early).toBe(reason);
    expect(calls).toBe(0);

    const during = new AbortController();
    const stop = new Error('stop');
    const late = await withRetry(
      () => {
        throw new RetryableError('503', 3_600_000);
      },
      {
        signal: during.signal,
        budgetMs: Number.POSITIVE_INFINITY,
        // Aborted once the (real, one-hour) wait runs: the wait ends at once.
        onRetry: () => setTimeout(() => during.abort(stop), 0),
      },
    ).catch((e: unknown) => e);
    expect(late).toBe(stop);
  });
});
