import { describe, expect, it } from 'vitest';
import { EtlError } from '../etl-error.js';
import { messages } from './index.js';

describe('etl messages', () => {
  it('has every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('makes errors that render in Russian with no registration', () => {
    const error = messages.error('UNAVAILABLE', 'errors.http.status', {
      url: 'https://api.example.org/items',
      status: 503,
    });
    expect(error.key).toBe('etl:errors.http.status');
    expect(error.message).toBe('GET https://api.example.org/items answered 503');
    expect(error.localized('ru').message).toBe('GET https://api.example.org/items вернул 503');
  });

  it('gives the EtlError of a stopped run its texts', () => {
    const counts = { read: 3, filteredOut: 0, dropped: 0, written: 2, failed: 1, durationMs: 0 };
    const error = new EtlError('transform', 3, new Error('bad date'), counts, 1);
    expect(error.message).toBe('ETL stopped: transform 1 failed at record 3: bad date');
    expect(error.localized('ru').message).toBe(
      'ETL остановлен: этап transform 1 не обработал запись 3: bad date',
    );
  });
});
