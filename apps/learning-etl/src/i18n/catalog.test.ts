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
  });

  it('translate the help of every command and flag', () => {
    expect(missingHelpTranslations({ run: Run }, helpRu)).toEqual([]);
  });
});
