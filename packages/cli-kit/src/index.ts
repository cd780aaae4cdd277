export { BaseCommand, baseFlags, toCommandError } from './base-command.js';
export type { CommandArgs, CommandFlags } from './base-command.js';
export { configError, parseConfig, validateConfig } from './config.js';
export type { ConfigResult } from './config.js';
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
export { createProgress } from './progress.js';
export type { Progress, ProgressOptions } from './progress.js';
export type { CommandHelpText, HelpCatalog } from './help.js';
