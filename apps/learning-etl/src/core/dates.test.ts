import { describe, expect, it } from 'vitest';
import {
  chooseDays,
  daysBetween,
  parseDay,
  readPromptAnswer,
  requestWindow,
  toSerialDate,
} from './dates.js';

describe('dates', () => {
  it('builds the API window, first hour only in test mode', () => {
    expect(requestWindow('2023-05-31', false)).toEqual({
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 23:59:59.999999',
    });
    expect(requestWindow('2023-05-31', true)).toEqual({
      start: '2023-05-31 00:00:00',
      end: '2023-05-31 00:59:59.999999',
    });
  });

  it('parses dates like strptime %Y-%m-%d', () => {
    expect(parseDay('2023-05-31')).toBe('2023-05-31');
    expect(parseDay(' 2023-5-1 ')).toBe('2023-05-01');
    expect(parseDay('2023-02-29')).toBeUndefined();
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('31.05.2023')).toBeUndefined();
  });

  it('reads prompt answers', () => {
    expect(readPromptAnswer('EXIT')).toEqual({ kind: 'exit' });
    expect(readPromptAnswer('eXiT ')).toEqual({ kind: 'exit' });
    expect(readPromptAnswer('2023-05-31')).toEqual({ kind: 'date', day: '2023-05-31' });
    expect(readPromptAnswer('yesterday')).toEqual({ kind: 'bad' });
  });

  it('lists backfill days across month ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(daysBetween('2024-03-02', '2024-03-01')).toEqual([]);
  });

  it('gives spreadsheet serial dates', () => {
    expect(toSerialDate('2024-10-02')).toBe(45567);
    expect(toSerialDate('1899-12-31')).toBe(1);
  });
});

describe('chooseDays', () => {
  it('resolves the date flags or asks', () => {
    expect(chooseDays({})).toEqual({ kind: 'ask' });
    expect(chooseDays({ date: '2023-5-31' })).toEqual({ kind: 'days', days: ['2023-05-31'] });
    expect(chooseDays({ from: '2023-05-30', to: '2023-06-01' })).toEqual({
      kind: 'days',
      days: ['2023-05-30', '2023-05-31', '2023-06-01'],
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
