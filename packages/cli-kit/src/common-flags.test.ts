import { describe, expect, it } from 'vitest';
import { BaseCommand, baseFlags, commonFlagNames } from './index.js';

describe('commonFlagNames', () => {
  it('names every flag a Toolbelt command has: the base flags, --json and --help', () => {
    expect([...commonFlagNames].sort()).toEqual([
      'dotenv',
      'env-file',
      'help',
      'json',
      'lang',
      'log-dir',
      'log-keep',
      'quiet',
      'verbose',
    ]);
    for (const name of Object.keys(BaseCommand.baseFlags)) expect(commonFlagNames).toContain(name);
    expect(Object.keys(baseFlags).length + 2).toBe(commonFlagNames.length);
  });
});
