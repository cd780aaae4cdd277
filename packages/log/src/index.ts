export { createLogger, formatLogLine, formatLogTime, logLevels } from './logger.js';
export type { Logger, LoggerOptions, LogLevel } from './logger.js';
export { LOG_FILE_PATTERN, logFileName, planLogRotation, rotateLogs } from './rotation.js';
export { REDACTED, createRedactor, isSecretKey } from './redact.js';
export type { Redactor } from './redact.js';
