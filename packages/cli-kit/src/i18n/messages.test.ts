import { describe, expect, it } from 'vitest';
import { messages } from './index.js';

describe('cli-kit messages (the common namespace)', () => {
  it('has every key in en and ru', () => {
    expect(messages.namespace).toBe('common');
    expect(messages.problems()).toEqual([]);
  });
});
