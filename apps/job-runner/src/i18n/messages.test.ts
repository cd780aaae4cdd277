import { missingHelpTranslations, type HelpedCommand } from '@toolbelt/cli-kit/help';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { helpRu, messages } from './index.js';

it('has every message in English and Russian', () => {
  expect(messages.problems()).toEqual([]);
});

it('makes errors that carry their texts in both languages', () => {
  const error = messages.error('USAGE', 'errors.noRun', { run: 7 });
  expect(error).toMatchObject({
    code: 'USAGE',
    message: 'No run 7.',
    key: 'job-runner:errors.noRun',
  });
  expect(error.localized('ru').message).toBe('Запуска 7 нет.');
});

it('has Russian help for every command, flag and argument', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../oclif.manifest.json', import.meta.url), 'utf8'),
  ) as { commands: Record<string, HelpedCommand> };
  expect(Object.keys(manifest.commands).length).toBeGreaterThanOrEqual(11);
  expect(missingHelpTranslations(manifest.commands, helpRu)).toEqual([]);
});
