export { BaseCommand, baseFlags, cancelledError, toCommandError } from './base-command.js';
export type { CommandArgs, CommandFlags } from './base-command.js';
export { commonFlagNames } from './common-flags.js';
export type { BaseFlagName, CommonFlagName } from './common-flags.js';
export { configError } from '@toolbelt/errors';
export { checkSettings, settingProblem, settingsError } from './settings.js';
export type { CheckSettingsOptions, SettingsCheck } from './settings.js';
export { NOW_VARIABLE, createRunClock, parseInstant, readClock } from './clock.js';
export type { Clock, RunClock, SystemTime } from './clock.js';
export { loadEnv } from './env.js';
export type { Env, LoadedEnv } from './env.js';
export {
  noTtyError,
  promptConfirm,
  promptLine,
  promptSecret,
  promptSelect,
  promptText,
  requireInteractive,
} from './prompts.js';
export type { PromptIO } from './prompts.js';
export { formatTable } from './table.js';
export type { ColumnAlign, TableOptions } from './table.js';
export { createProgress } from './progress.js';
export type { Progress, ProgressOptions } from './progress.js';
export type { CommandHelpText, HelpCatalog } from './help.js';
export { flagSpellings, suggest, toUsageError, usageProblems } from './usage-errors.js';
export type { FlagTable } from './usage-errors.js';
export { checkInputFile, inputFileError, inputFileProblem } from './input-file.js';
export { normalizeEntryArgv, runCli, unknownCommand } from './entry.js';
export type { CommandMap } from './entry.js';
export type { ProgressCounter } from './progress.js';
