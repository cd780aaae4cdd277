import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '@toolbelt/dates';
import { validDate } from './activity.js';
import { chooseDays, dayWindow, inDayWindow, readPromptAnswer, requestWindow } from './dates.js';

describe('dayWindow: the moments a run of a day covers, [start, end)', () => {
  it('is the whole day, or its first hour in test mode', () => {
    expect(dayWindow('2023-05-31', false)).toEqual({
      start: '2023-05-31 00:00:00',
      end: '2023-06-01 00:00:00',
    });
    expect(dayWindow('2023-05-31', true)).toEqual({
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 01:00:00',
    });
    expect(dayWindow('2024-12-31', false).end).toBe('2025-01-01 00:00:00');
    expect(dayWindow('2024-02-28', false).end).toBe('2024-02-29 00:00:00');
  });

  it('holds its start and every moment before its end, not the end itself', () => {
    const day = dayWindow('2023-05-31', false);
    expect(inDayWindow('2023-05-31 00:00:00', day)).toBe(true);
    expect(inDayWindow('2023-05-31 23:59:59.999999', day)).toBe(true);
    expect(inDayWindow('2023-05-31T12:00:00.5', day)).toBe(true);
    expect(inDayWindow('2023-06-01 00:00:00', day)).toBe(false);
    expect(inDayWindow('2023-05-30 23:59:59.999999', day)).toBe(false);
    const hour = dayWindow('2023-05-31', true);
    expect(inDayWindow('2023-05-31 00:59:59.999999', hour)).toBe(true);
    expect(inDayWindow('2023-05-31T00:30:00', hour)).toBe(true);
    expect(inDayWindow('2023-05-31 01:00:00', hour)).toBe(false);
    expect(inDayWindow('2023-05-31T01:00:00', hour)).toBe(false);
  });

  it('is what the API is asked for: the same first moment, the last microsecond before its end', () => {
    for (const testMode of [false, true]) {
      const window = dayWindow('2023-05-31', testMode);
      const asked = requestWindow('2023-05-31', testMode);
      expect(asked.start).toBe(window.start);
      expect(inDayWindow(asked.end, window)).toBe(true);
      expect(asked.end < window.end).toBe(true);
      // Nothing fits between the request's last microsecond and the window's end.
      expect(`${asked.end}`.replace(/\.\d+$/, '')).toBe(
        testMode ? '2023-05-31 00:59:59' : '2023-05-31 23:59:59',
      );
    }
    expect(requestWindow('2023-05-31', false)).toEqual({
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 23:59:59.999999',
    });
    expect(requestWindow('2023-05-31', true)).toEqual({
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 00:59:59.999999',
    });
  });
});

describe('dates', () => {
  it('reads prompt answers', () => {
    expect(readPromptAnswer('EXIT')).toEqual({ kind: 'exit' });
    expect(readPromptAnswer('eXiT ')).toEqual({ kind: 'exit' });
    expect(readPromptAnswer('2023-05-31')).toEqual({ kind: 'date', day: '2023-05-31' });
    expect(readPromptAnswer(' 2023-5-1 ')).toEqual({ kind: 'date', day: '2023-05-01' });
    expect(readPromptAnswer('2023-02-29')).toEqual({ kind: 'bad' });
    expect(readPromptAnswer('yesterday')).toEqual({ kind: 'bad' });
  });

  it("validDate, the per-record fast path, agrees with @toolbelt/dates' isIsoDate", () => {
    const samples = ['2023-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2023-13-01'];
    samples.push('2023-00-10', '2023-04-31', '0000-01-01', '2023-1-05', '2023-01-05 ', 'x');
    for (let day = '1999-12-25'; day < '2001-01-10'; day = addDays(day, 1)) samples.push(day);
    for (let d = 0; d <= 32; d++) samples.push(`2023-02-${String(d).padStart(2, '0')}`);
    for (const sample of samples) expect(validDate(sample), sample).toBe(isIsoDate(sample));
  });
});

describe('chooseDays', () => {
  it('resolves the date flags or asks', () => {
    expect(chooseDays({})).toEqual({ kind: 'ask' });
    expect(chooseDays({ date: '2023-5-31' })).toEqual({ kind: 'days', days: ['2023-05-31'] });
    expect(chooseDays({ from: '2024-02-28', to: '2024-03-01' })).toEqual({
      kind: 'days',
      days: ['2024-02-28', '2024-02-29', '2024-03-01'],
    });
    expect(chooseDays({ date: 'nope' })).toEqual({
      kind: 'invalid',
      key: 'badDate',
      params: { flag: '--date', value: 'nope' },
    });
    expect(chooseDays({ from: '2023-06-02', to: '2023-06-01' })).toMatchObject({
      kind: 'invalid',
      key: 'dateOrder',
    });
    expect(chooseDays({ from: '2023-06-01', to: '2023-06-02', sourceFile: true })).toMatchObject({
      kind: 'invalid',
      key: 'sourceFileRange',
    });
  });
});
