export {
  ToolbeltError,
  exitCodes,
  errorCodes,
  exitCodeOf,
  isToolbeltError,
} from './toolbelt-error.js';
export type {
  ErrorCode,
  ExitCode,
  LocalizedError,
  TextLanguage,
  Texts,
  ToolbeltErrorOptions,
  ToolbeltErrorJson,
} from './toolbelt-error.js';
export {
  commonMessages,
  defineMessages,
  fromErrorData,
  toErrorData,
  toToolbeltError,
} from './define-messages.js';
export type {
  ErrorExtras,
  MessageKey,
  MessageParams,
  Messages,
  ToolbeltErrorData,
} from './define-messages.js';
export { configError } from './config-error.js';
