import { describe, expect, it } from 'vitest';
import { connectorMessages } from '@toolbelt/connector';
import { messages } from './index.js';

describe('connector-template messages', () => {
  it('have every key in en and ru, as the SDK catalog does', () => {
    expect(messages.problems()).toEqual([]);
    expect(connectorMessages.problems()).toEqual([]);
  });

  it('make errors that carry both languages', () => {
    const error = messages.error('CONFIG', 'errors.jobNotFound', { id: 99 });
    expect(error.message).toBe('There is no job 99: see `connector-template jobs list`.');
    expect(error.localized('ru').message).toBe(
      'Задания 99 нет: см. `connector-template jobs list`.',
    );
    expect(
      messages.error('CANCELLED', 'errors.notRemoved', { id: 3 }).localized('ru').message,
    ).toMatch(/Задание 3 не удалено\.$/);
  });
});
