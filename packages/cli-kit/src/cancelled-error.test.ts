import { describe, expect, it } from 'vitest';
import { cancelledError } from './index.js';

describe('cancelledError', () => {
  it('says what was done in each language, English in the message', () => {
    const error = cancelledError({
      en: '3 of 7 days loaded',
      ru: 'загружено 3 дня из 7',
    });
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe('cancelled. 3 of 7 days loaded');
    expect(error.localized('ru').message).toBe('прервано. загружено 3 дня из 7');
    expect(cancelledError().localized('ru').message).toBe('прервано');
    expect(cancelledError('as given').message).toBe('cancelled. as given');
  });
});
