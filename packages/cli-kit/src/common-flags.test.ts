import { describe, expect, it } from 'vitest';
import { BaseCommand, baseFlags, commonFlagNames } from './index.js';

describe('commonFlagNames', () => {
  it('names every flag a Toolbelt command has: the base flags, --json and --help', () => {
    expect([...commonFlagNames].sort()).toEqual(
      [...Object.keys(baseFlags), ...Object.keys(BaseCommand.baseFlags), 'json', 'help']
        .filter((name, i, all) => all.indexOf(name) === i)
        .sort(),
    );
    expect(commonFlagNames).toContain('log-dir');
  });
});
