import { describe, expect, it } from 'vitest';
import { fromSerialDate, instantOfSerial, serialOfInstant, toSerialDate } from './index.js';

describe('toSerialDate / fromSerialDate', () => {
  it('count days from 1899-12-30 (25569 = 1970-01-01)', () => {
    expect(toSerialDate('1970-01-01')).toBe(25569);
    expect(fromSerialDate(25569)).toBe('1970-01-01');
    expect(toSerialDate('2024-10-02')).toBe(45567);
    expect(fromSerialDate(45567)).toBe('2024-10-02');
    expect(toSerialDate('2024-02-29')).toBe(45351);
    expect(fromSerialDate(45352)).toBe('2024-03-01');
  });

  it('round-trip every day of a leap year', () => {
    for (let serial = 45292; serial < 45292 + 366; serial++)
      expect(toSerialDate(fromSerialDate(serial))).toBe(serial);
  });

  it('match Excel from 1900-03-01 on and have no 1900-02-29', () => {
    expect(fromSerialDate(61)).toBe('1900-03-01');
    expect(fromSerialDate(60)).toBe('1900-02-28');
    expect(fromSerialDate(1)).toBe('1899-12-31');
    expect(fromSerialDate(0)).toBe('1899-12-30');
    expect(fromSerialDate(-1)).toBe('1899-12-29');
    expect(toSerialDate('1900-03-01')).toBe(61);
    expect(toSerialDate('1900-01-01')).toBe(2);
  });

  it('floor fractional serials to the day', () => {
    expect(fromSerialDate(45567.999)).toBe('2024-10-02');
    expect(fromSerialDate(45567.5)).toBe('2024-10-02');
    expect(fromSerialDate(25568.25)).toBe('1969-12-31');
    expect(fromSerialDate(-0.5)).toBe('1899-12-29');
  });

  it('refuse bad input', () => {
    expect(() => toSerialDate('2024-02-30')).toThrow(RangeError);
    expect(() => fromSerialDate(Number.NaN)).toThrow(RangeError);
    expect(() => fromSerialDate(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => fromSerialDate(1e9)).toThrow(RangeError);
  });
});

describe('serialOfInstant / instantOfSerial', () => {
  it('keep the time of day as the fraction, in UTC', () => {
    expect(serialOfInstant(new Date('1970-01-01T12:00:00Z'))).toBe(25569.5);
    expect(instantOfSerial(25569.5).toISOString()).toBe('1970-01-01T12:00:00.000Z');
    expect(instantOfSerial(45567.75).toISOString()).toBe('2024-10-02T18:00:00.000Z');
    expect(serialOfInstant(instantOfSerial(45567.123456))).toBeCloseTo(45567.123456, 7);
    expect(() => instantOfSerial(Number.NaN)).toThrow(RangeError);
  });
});
