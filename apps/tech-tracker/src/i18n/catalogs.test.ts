import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import { compareCatalogs } from '@toolbelt/i18n';
import { describe, expect, it } from 'vitest';
import Sync from '../commands/sync.js';
import { techTrackerCatalog } from './catalogs.js';
import { helpRu } from './help-ru.js';

describe('catalogs', () => {
  it('has every message in English and Russian', () => {
    expect(compareCatalogs(techTrackerCatalog)).toEqual([]);
  });
  it('has Russian help for every command and flag', () => {
    expect(missingHelpTranslations({ sync: Sync }, helpRu)).toEqual([]);
  });
});
