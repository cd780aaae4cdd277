import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import { compareCatalogs } from '@toolbelt/i18n';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { catalogs } from './catalogs.js';
import { helpRu } from './help-ru.js';

it('has the same keys in English and Russian', () => {
  expect(compareCatalogs(catalogs['job-runner']!)).toEqual([]);
});

it('has Russian help for every command, flag and argument', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../oclif.manifest.json', import.meta.url), 'utf8'),
  ) as {
    commands: Record<
      string,
      {
        flags?: Record<string, unknown>;
        args?: Record<string, unknown>;
        summary?: string;
        description?: string;
      }
    >;
  };
  expect(Object.keys(manifest.commands).length).toBeGreaterThanOrEqual(11);
  expect(missingHelpTranslations(manifest.commands, helpRu)).toEqual([]);
});
