import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import { compareCatalogs } from '@toolbelt/i18n';
import { describe, expect, it } from 'vitest';
import Generate from '../commands/generate.js';
import { catalogs } from './catalog.js';
import { helpRu } from './help-ru.js';

describe('catalogs', () => {
  it('have the same keys in English and Russian', () => {
    for (const pair of Object.values(catalogs)) expect(compareCatalogs(pair)).toEqual([]);
  });

  it('translate the help of every command and flag into Russian', () => {
    expect(missingHelpTranslations({ generate: Generate }, helpRu)).toEqual([]);
  });
});
