import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import { describe, expect, it } from 'vitest';
import Generate from '../commands/generate.js';
import { helpRu } from './help.js';
import { messages } from './index.js';

describe('the support-rota messages', () => {
  it('have every key in English and Russian', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('translate the help of every command and flag into Russian', () => {
    expect(missingHelpTranslations({ generate: Generate }, helpRu)).toEqual([]);
  });
});
