import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, parseTabRange } from './a1-range.js';

describe('column letters', () => {
  it('turns 0-based indexes into letters and back', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('aa')).toBe(26);
    expect(columnIndex('ZZ')).toBe(701);
    for (let i = 0; i < 2000; i += 7) expect(columnIndex(columnLetters(i))).toBe(i);
  });

  it('refuses what is not a column', () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnIndex('')).toThrow(RangeError);
    expect(() => columnIndex('A1')).toThrow(RangeError);
  });

  it('parses tab ranges with them', () => {
    expect(parseTabRange('B5:S')).toEqual({
      startRow: 4,
      endRow: undefined,
      startCol: 1,
      endCol: 19,
    });
    expect(parseTabRange('AA2')).toEqual({ startRow: 1, endRow: 2, startCol: 26, endCol: 27 });
  });
});
