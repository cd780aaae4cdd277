import { describe, expect, it } from 'vitest';
import { compareCatalogs, flattenCatalog } from '@toolbelt/i18n';
import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import Run from '../commands/run.js';
import { catalogs } from './catalog.js';
import { helpRu } from './help-ru.js';

describe('catalogs', () => {
  it('have the same keys in en and ru', () => {
    for (const pair of Object.values(catalogs)) expect(compareCatalogs(pair)).toEqual([]);
  });

  it('keep the original wording in English', () => {
    const en = flattenCatalog(catalogs['learning-etl']?.en ?? {});
    expect(en['prompt.ask']).toBe(
      'Enter processing date in format: <<YYYY-mm-dd> or type <exit> for quit: ',
    );
    expect(en['prompt.bad']).toBe("Bad input. Let's try again...");
    expect(en['mail.subject']).toBe('Notification of the processing of data for the date: {{day}}');
    expect(en['mail.bodyUpdated']).toBe(
      'Data processing for the date is completed, the final statistics are available at the link: {{link}}',
    );
    expect(en['mail.bodyNotUpdated']).toBe(
      'Data processing for the date has been completed, Google Sheets report HAS NOT BEEN UPDATED!',
    );
  });

  it('keep the original wording in Russian', () => {
    const ru = flattenCatalog(catalogs['learning-etl']?.ru ?? {});
    expect(ru['prompt.ask']).toBe(
      'Введите дату извлечения/загрузки данных в формате: <YYYY-mm-dd> или <exit> для выхода: ',
    );
    expect(ru['prompt.bad']).toBe('Ошибка ввода даты, попробуйте еще раз...');
    expect(ru['mail.subject']).toBe('Уведомление об обработке данных за: {{day}}');
    expect(ru['mail.bodyUpdated']).toBe(
      'Обработка данных за дату завершена, итоговая статистика по ссылке: {{link}}',
    );
    expect(ru['mail.bodyNotUpdated']).toBe(
      'Обработка данных за дату завершена, Google Sheets отчет НЕ ОБНОВЛЕН!',
    );
  });

  it('translate the help of every command and flag', () => {
    expect(missingHelpTranslations({ run: Run }, helpRu)).toEqual([]);
  });
});
