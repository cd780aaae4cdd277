import { describe, expect, it } from 'vitest';
import { messages } from './index.js';

describe('schoology messages', () => {
  it('have every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('make errors with an English message that render in Russian', () => {
    const error = messages.error('AUTH', 'errors.answered', {
      method: 'GET',
      url: 'https://api.test/v1/users',
      status: 401,
    });
    expect(error.message).toBe('GET https://api.test/v1/users answered 401');
    expect(error.key).toBe('schoology:errors.answered');
    expect(error.localized('ru').message).toBe('GET https://api.test/v1/users: ответ 401');
  });
});
