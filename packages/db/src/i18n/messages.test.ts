import { describe, expect, it } from 'vitest';
import { messages } from './index.js';

describe('db messages', () => {
  it('has every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });
});
