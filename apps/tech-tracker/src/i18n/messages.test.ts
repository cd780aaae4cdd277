import { missingHelpTranslations } from '@toolbelt/cli-kit/help';
import { describe, expect, it } from 'vitest';
import Sync from '../commands/sync.js';
import { helpRu, messages } from './index.js';

describe('the tech-tracker catalog', () => {
  it('has every message in English and Russian', () => {
    expect(messages.problems()).toEqual([]);
  });
  it('has Russian help for every command and flag', () => {
    expect(missingHelpTranslations({ sync: Sync }, helpRu)).toEqual([]);
  });
});
