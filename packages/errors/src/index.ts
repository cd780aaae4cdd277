export {
  ToolbeltError,
  exitCodes,
  errorCodes,
  exitCodeOf,
  isToolbeltError,
  toToolbeltError,
} from './toolbelt-error.js';
export type {
  ErrorCode,
  ExitCode,
  ToolbeltErrorOptions,
  ToolbeltErrorJson,
} from './toolbelt-error.js';
