import { isToolbeltError } from '@toolbelt/errors';
import { describe, expect, it } from 'vitest';
import { createRunClock, parseInstant, readClock } from './clock.js';

describe('parseInstant', () => {
  it('reads ISO 8601 instants with an offset', () => {
    expect(parseInstant('2023-01-05T14:07:00-08:00')?.toISOString()).toBe(
      '2023-01-05T22:07:00.000Z',
    );
    expect(parseInstant('2023-01-05T22:07Z')?.toISOString()).toBe('2023-01-05T22:07:00.000Z');
    expect(parseInstant('2024-02-29T23:59:59.5+03:00')?.toISOString()).toBe(
      '2024-02-29T20:59:59.500Z',
    );
  });

  it('refuses times without an offset, impossible dates and other text', () => {
    for (const text of [
      '2023-01-05T14:07:00',
      '2023-01-05',
      '2023-02-30T10:00:00Z',
      '2023-01-05T24:00:00Z',
      'yesterday',
      '',
    ])
      expect(parseInstant(text), text).toBeUndefined();
  });
});

describe('readClock', () => {
  it('starts the run at TOOLBELT_NOW and runs on with the real elapsed time', () => {
    let ms = 1000;
    const clock = readClock(
      { TOOLBELT_NOW: '2023-01-05T14:07:00-08:00' },
      { monotonic: () => ms, wall: () => new Date('2030-01-01T00:00:00Z') },
    );
    expect(clock.fixed).toBe(true);
    expect(clock.startedAt.toISOString()).toBe('2023-01-05T22:07:00.000Z');
    expect(clock.now().toISOString()).toBe('2023-01-05T22:07:00.000Z');
    ms += 2500;
    expect(clock.now().toISOString()).toBe('2023-01-05T22:07:02.500Z');
  });

  it('is the system clock without TOOLBELT_NOW (or with it empty)', () => {
    let wallTime = '2030-01-01T00:00:00Z';
    const wall = () => new Date(wallTime);
    for (const env of [{}, { TOOLBELT_NOW: ' ' }]) {
      wallTime = '2030-01-01T00:00:00Z';
      const clock = readClock(env, { wall, monotonic: () => 0 });
      expect(clock.fixed).toBe(false);
      expect(clock.startedAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
      // The wall clock itself, adjustments included.
      wallTime = '2029-12-31T23:59:00Z';
      expect(clock.now().toISOString()).toBe('2029-12-31T23:59:00.000Z');
    }
    const system = createRunClock();
    expect(system.now().getTime()).toBeGreaterThanOrEqual(system.startedAt.getTime());
  });

  it('refuses a bad TOOLBELT_NOW with a CONFIG error naming the variable', () => {
    let error: unknown;
    try {
      readClock({ TOOLBELT_NOW: '2023-01-05 14:07' });
    } catch (e) {
      error = e;
    }
    expect(isToolbeltError(error) && error.code).toBe('CONFIG');
    expect(isToolbeltError(error) && error.key).toBe('common:errors.nowInvalid');
    expect((error as Error).message).toContain('TOOLBELT_NOW');
  });
});
