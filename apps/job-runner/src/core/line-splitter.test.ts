import { expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

const bytes = (s: string) => new TextEncoder().encode(s);

it('joins lines split across chunks, including multi-byte characters', () => {
  const splitter = new LineSplitter();
  const euro = bytes('€');
  expect(splitter.push(bytes('one\r\ntw'))).toEqual(['one']);
  expect(splitter.push(new Uint8Array([...bytes('o '), euro[0]!]))).toEqual([]);
  expect(splitter.push(new Uint8Array([euro[1]!, euro[2]!, 10]))).toEqual(['two €']);
  expect(splitter.push(bytes('tail'))).toEqual([]);
  expect(splitter.end()).toEqual(['tail']);
  expect(splitter.end()).toEqual([]);
});

it('cuts a very long line into pieces', () => {
  const splitter = new LineSplitter(4);
  expect(splitter.push(bytes('abcdefghij\n'))).toEqual(['abcd', 'efgh', 'ij']);
  expect(splitter.push(bytes('klmnopq'))).toEqual(['klmn']);
  expect(splitter.end()).toEqual(['opq']);
});
