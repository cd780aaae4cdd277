import { describe, expect, it } from 'vitest';
import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import Run from '../commands/run.js';
import { helpRu, messages } from './index.js';

describe('the messages of learning-etl', () => {
  it('have every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('keep the original wording in English', () => {
    const en = (key: Parameters<typeof messages.format>[1], params?: Record<string, unknown>) =>
      messages.format('en', key, params);
    expect(en('prompts.ask')).toBe(
      'Enter processing date in format: <<YYYY-mm-dd> or type <exit> for quit: ',
    );
    expect(en('prompts.bad')).toBe("Bad input. Let's try again...");
    expect(en('mail.subject', { day: 'D' })).toBe(
      'Notification of the processing of data for the date: D',
    );
    expect(en('mail.bodyUpdated', { link: 'L' })).toBe(
      'Data processing for the date is completed, the final statistics are available at the link: L',
    );
    expect(en('mail.bodyNotUpdated')).toBe(
      'Data processing for the date has been completed, Google Sheets report HAS NOT BEEN UPDATED!',
    );
  });

  it('keep the original wording in Russian', () => {
    const ru = (key: Parameters<typeof messages.format>[1], params?: Record<string, unknown>) =>
      messages.format('ru', key, params);
    expect(ru('prompts.ask')).toBe(
      'Введите дату извлечения/загрузки данных в формате: <YYYY-mm-dd> или <exit> для выхода: ',
    );
    expect(ru('prompts.bad')).toBe('Ошибка ввода даты, попробуйте еще раз...');
    expect(ru('mail.subject', { day: 'D' })).toBe('Уведомление об обработке данных за: D');
    expect(ru('mail.bodyUpdated', { link: 'L' })).toBe(
      'Обработка данных за дату завершена, итоговая статистика по ссылке: L',
    );
    expect(ru('mail.bodyNotUpdated')).toBe(
      'Обработка данных за дату завершена, Google Sheets отчет НЕ ОБНОВЛЕН!',
    );
  });

  it('make errors with an English message and the Russian text', () => {
    const error = messages.error('USAGE', 'errors.badDate', { flag: '--date', value: 'x' });
    expect(error.message).toBe('--date must be a date YYYY-MM-DD, got "x".');
    expect(error.localized('ru').message).toBe(
      '--date должен быть датой ГГГГ-ММ-ДД, получено «x».',
    );
  });

  it('translate the help of every command and flag', () => {
    expect(missingHelpTranslations({ run: Run }, helpRu)).toEqual([]);
  });
});
