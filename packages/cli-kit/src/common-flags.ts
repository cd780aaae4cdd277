/**
 * The names of the flags every Toolbelt command has: the base flags of `BaseCommand`, `json`
 * and `help`. What a job form or a wrapper leaves out as not the command's own. This file
 * loads nothing (import it as `@toolbelt/cli-kit/common-flags` from pure code); the base
 * flags are type-checked against it and a test holds the two equal.
 */
export const commonFlagNames = [
  'lang',
  'dotenv',
  'env-file',
  'log-dir',
  'log-keep',
  'verbose',
  'quiet',
  'json',
  'help',
] as const;

/** A flag every Toolbelt command has. */
export type CommonFlagName = (typeof commonFlagNames)[number];

/** The common flags that BaseCommand defines itself (oclif adds `json` and `help`). */
export type BaseFlagName = Exclude<CommonFlagName, 'json' | 'help'>;
