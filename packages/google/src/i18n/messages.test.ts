import { describe, expect, it } from 'vitest';
import { parseSpreadsheetRef } from '../spreadsheet-ref.js';
import { tabMissingError } from '../store-errors.js';
import { messages } from './index.js';

describe('google messages', () => {
  it('has every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('makes errors that render in Russian with no registration', () => {
    const error = tabMissingError(['Master_24-25'], ['Master_23-24'], 'tracker.xlsx');
    expect(error.key).toBe('google:errors.tabMissing');
    expect(error.message).toBe(
      'Tab(s) Master_24-25 not found in tracker.xlsx; it has: Master_23-24.',
    );
    expect(error.localized('ru').message).toBe(
      'Лист(ы) Master_24-25 не найдены в tracker.xlsx; есть: Master_23-24.',
    );
  });

  it('words a reference that is neither a Google sheet nor .xlsx in both languages', () => {
    let error: unknown;
    try {
      parseSpreadsheetRef('notes.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'USAGE', key: 'google:errors.notSpreadsheet' });
    expect((error as ReturnType<typeof tabMissingError>).localized('ru').message).toBe(
      'notes.txt не является ни идентификатором или ссылкой Google-таблицы, ни путём к файлу .xlsx.',
    );
  });
});
