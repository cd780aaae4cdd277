import { afterEach, describe, expect, it } from 'vitest';
import { isTimeZone, localDate, localDateTime } from './index.js';

describe('isTimeZone', () => {
  it('knows IANA zones and refuses the rest', () => {
    for (const zone of ['America/Los_Angeles', 'Europe/Moscow', 'UTC', 'Asia/Kolkata'])
      expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['Mars/Olympus', 'PST8PDTX', '', ' ', 'America/'])
      expect(isTimeZone(zone)).toBe(false);
  });
});

describe('localDate', () => {
  it('is the calendar date where the zone is', () => {
    const at = new Date('2024-06-02T03:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2024-06-02');
    expect(localDate(at, 'America/Los_Angeles')).toBe('2024-06-01');
    expect(localDate(at, 'Asia/Tokyo')).toBe('2024-06-02');
    expect(localDate(new Date('2024-06-02T10:30:00Z'), 'Pacific/Kiritimati')).toBe('2024-06-03');
    expect(localDate(new Date('2024-06-02T10:30:00Z'), 'Pacific/Pago_Pago')).toBe('2024-06-01');
  });

  it('changes day at local midnight on the days clocks change', () => {
    // New York springs forward on 2024-03-10 (EST -5 before, EDT -4 after).
    expect(localDate(new Date('2024-03-10T04:59:59Z'), 'America/New_York')).toBe('2024-03-09');
    expect(localDate(new Date('2024-03-10T05:00:00Z'), 'America/New_York')).toBe('2024-03-10');
    expect(localDate(new Date('2024-03-11T03:59:59Z'), 'America/New_York')).toBe('2024-03-10');
    expect(localDate(new Date('2024-03-11T04:00:00Z'), 'America/New_York')).toBe('2024-03-11');
    // ... and falls back on 2024-11-03 (EDT before, EST after): a 25-hour day.
    expect(localDate(new Date('2024-11-03T03:59:59Z'), 'America/New_York')).toBe('2024-11-02');
    expect(localDate(new Date('2024-11-04T04:59:59Z'), 'America/New_York')).toBe('2024-11-03');
    expect(localDate(new Date('2024-11-04T05:00:00Z'), 'America/New_York')).toBe('2024-11-04');
    // Samoa skipped 2011-12-30 when it moved across the date line.
    expect(localDate(new Date('2011-12-30T09:59:59Z'), 'Pacific/Apia')).toBe('2011-12-29');
    expect(localDate(new Date('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBe('2011-12-31');
  });

  describe('without a zone', () => {
    const saved = process.env['TZ'];
    afterEach(() => {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    });

    it('uses the system zone, as it is at the call', () => {
      const at = new Date('2024-06-02T10:30:00Z');
      process.env['TZ'] = 'Pacific/Kiritimati';
      expect(localDate(at)).toBe('2024-06-03');
      process.env['TZ'] = 'Pacific/Pago_Pago';
      expect(localDate(at)).toBe('2024-06-01');
    });
  });

  it('refuses an unknown zone and an invalid instant', () => {
    expect(() => localDate(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDate(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('localDateTime', () => {
  it('is the sortable local date and 24-hour time', () => {
    const at = new Date('2026-12-01T09:47:32.900Z');
    expect(localDateTime(at, 'UTC')).toBe('2026-12-01 09:47:32');
    expect(localDateTime(at, 'Europe/Moscow')).toBe('2026-12-01 12:47:32');
    expect(localDateTime(new Date('2026-12-01T00:05:00Z'), 'UTC')).toBe('2026-12-01 00:05:00');
    expect(localDateTime(new Date('2024-03-10T07:00:00Z'), 'America/New_York')).toBe(
      '2024-03-10 03:00:00',
    );
  });
});
