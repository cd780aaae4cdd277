import { describe, expect, it } from 'vitest';
import { messages } from './index.js';

describe('connector messages', () => {
  it('have every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('keep the exact texts of the original template', () => {
    const en = (key: Parameters<typeof messages.format>[1], params?: Record<string, unknown>) =>
      messages.format('en', key, params);
    expect(en('log.noRows')).toBe('No rows were returned from source. Finished job.');
    expect(en('errors.jobNotFound', { id: 5 })).toBe('Job ID not found: 5');
    expect(en('log.success', { name: 'csv' })).toBe('Successfully ran csv connector.');
    expect(en('log.unhandledExternal')).toBe(
      'A problem internally has occurred. Our team has been notified and will reach out within 24 hours.',
    );
    expect(en('log.sourceCodeError', { message: 'boom' })).toBe('Error with source code: boom');
    expect(en('errors.envMissing', { name: 'JOB_ID' })).toBe(
      "Unable to start job. Environment variable was not provided: 'JOB_ID'",
    );
    expect(
      `${en('log.success', { name: 'csv' })}\n${en('log.affected', { columns: 3, rows: 2 })}\n`,
    ).toBe('Successfully ran csv connector.\nColumns affected: 3\nRows affected: 2\n');
  });

  it('make errors that render in Russian', () => {
    const error = messages.error('DATA', 'errors.csvMissing', { path: '/tmp/people.csv' });
    expect(error.message).toBe('CSV file not found: /tmp/people.csv');
    expect(error.key).toBe('connector:errors.csvMissing');
    expect(error.localized('ru').message).toBe('CSV-файл не найден: /tmp/people.csv');
  });
});
