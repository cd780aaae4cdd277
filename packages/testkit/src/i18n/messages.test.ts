import { describe, expect, it } from 'vitest';
import { messages } from './index.js';

describe('testkit messages', () => {
  it('have every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('make errors with an English message that render in Russian', () => {
    const error = messages.error('USAGE', 'errors.badDatabaseName', { name: 'Bad-Name' });
    expect(error.message).toBe('Invalid database name "Bad-Name" (use a-z, 0-9 and _)');
    expect(error.key).toBe('testkit:errors.badDatabaseName');
    expect(error.localized('ru').message).toBe(
      'Недопустимое имя базы данных "Bad-Name" (используйте a-z, 0-9 и _)',
    );
  });
});
