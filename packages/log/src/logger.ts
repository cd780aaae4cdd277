import { closeSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ioError, makeDirSync } from '@toolbelt/lock';
import { createRedactor, type Redactor } from './redact.js';
import { logFileName, rotateLogs } from './rotation.js';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** Logger name shown in file lines: `[name] [time] [LEVEL] > message`. */
  name: string;
  /** Folder for the run's log file; omit to log to the console only. */
  dir?: string;
  /** Number of log files to keep in `dir` (default 3). */
  keep?: number;
  /** Lowest level printed on the console (default info). The file always gets debug and up. */
  consoleLevel?: LogLevel | 'silent';
  /** Console stream (default process.stderr). */
  console?: { write(chunk: string): unknown };
  /** Colour console lines (default: stream is a TTY and NO_COLOR is unset). */
  color?: boolean;
  /** Secret values never to be written anywhere. */
  secrets?: Iterable<string | undefined>;
  /** Run start time; names the file (default now). */
  startedAt?: Date;
  /** Clock for line timestamps (default `() => new Date()`). */
  now?: () => Date;
}

export interface Logger {
  readonly name: string;
  /** Absolute path of this run's log file, if any. */
  readonly file: string | undefined;
  readonly redactor: Redactor;
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
  log(level: LogLevel, message: string, data?: Record<string, unknown>): void;
  /** Same file and console, another name in the file lines. */
  child(name: string): Logger;
  /** Change what reaches the console (e.g. after flags are parsed). */
  setConsoleLevel(level: LogLevel | 'silent'): void;
  close(): void;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in local time. */
export function formatLogTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** One file line: `[name] [YYYY-MM-DD HH:MM:SS] [LEVEL] > message`. */
export function formatLogLine(name: string, time: Date, level: LogLevel, message: string): string {
  return `[${name}] [${formatLogTime(time)}] [${level.toUpperCase()}] > ${message}`;
}

const colors: Record<LogLevel, [string, string]> = {
  debug: ['\u001b[90m', '\u001b[39m'],
  info: ['', ''],
  warn: ['\u001b[33m', '\u001b[39m'],
  error: ['\u001b[31m', '\u001b[39m'],
};

interface Shared {
  fd: number | undefined;
  file: string | undefined;
  consoleLevel: LogLevel | 'silent';
  closed: boolean;
}

/**
 * Creates the run's logger: human lines on the console (stderr), every line in the run's
 * file, secrets redacted in both. File writes are synchronous so nothing is lost when the
 * process exits right after an error.
 */
export function createLogger(options: LoggerOptions): Logger {
  const redactor = createRedactor(options.secrets);
  const now = options.now ?? (() => new Date());
  const out = options.console ?? process.stderr;
  const color =
    options.color ?? (Boolean((out as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR);
  const shared: Shared = {
    fd: undefined,
    file: undefined,
    consoleLevel: options.consoleLevel ?? 'info',
    closed: false,
  };

  // A log folder that cannot be written (read-only file system, no space, permission denied,
  // a path under a file) is IOERR (74) naming it, before the run does anything.
  if (options.dir !== undefined) {
    const dir = resolve(options.dir);
    const name = logFileName(options.startedAt ?? now());
    const file = join(dir, name);
    try {
      makeDirSync(dir);
      rotateLogs(dir, name, options.keep ?? 3);
      shared.fd = openSync(file, 'a');
    } catch (error) {
      throw ioError(error, file, 'write');
    }
    shared.file = file;
  }

  // The disk filling up during the run: the first failed line is IOERR (74) naming the file,
  // thrown to whoever logged; from then on lines go to the console only.
  const writeFileLine = (line: string): void => {
    if (shared.fd === undefined || shared.closed) return;
    try {
      writeSync(shared.fd, line);
    } catch (error) {
      const fd = shared.fd;
      shared.fd = undefined;
      try {
        closeSync(fd);
      } catch {
        // the descriptor is unusable anyway
      }
      throw ioError(error, shared.file ?? '', 'write');
    }
  };

  const make = (loggerName: string): Logger => {
    const log = (level: LogLevel, message: string, data?: Record<string, unknown>): void => {
      const text = redactor.text(
        data && Object.keys(data).length > 0
          ? `${message} ${JSON.stringify(redactor.value(data))}`
          : message,
      );
      let failure: Error | undefined;
      try {
        writeFileLine(formatLogLine(loggerName, now(), level, text) + '\n');
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
      if (shared.consoleLevel !== 'silent' && rank[level] >= rank[shared.consoleLevel]) {
        const prefix = level === 'warn' || level === 'error' ? `${level}: ` : '';
        const [open, close] = color ? colors[level] : ['', ''];
        out.write(`${open}${prefix}${text}${close}\n`);
      }
      if (failure !== undefined) throw failure;
    };
    return {
      name: loggerName,
      get file() {
        return shared.file;
      },
      redactor,
      log,
      debug: (m, d) => log('debug', m, d),
      info: (m, d) => log('info', m, d),
      warn: (m, d) => log('warn', m, d),
      error: (m, d) => log('error', m, d),
      child: (childName) => make(childName),
      setConsoleLevel: (level) => {
        shared.consoleLevel = level;
      },
      close: () => {
        if (shared.fd !== undefined && !shared.closed) closeSync(shared.fd);
        shared.closed = true;
      },
    };
  };
  return make(options.name);
}
