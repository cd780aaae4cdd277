import { Command, Flags, type Interfaces } from '@oclif/core';
import {
  commonMessages,
  exitCodes,
  isToolbeltError,
  toToolbeltError,
  type ErrorCode,
  type Texts,
  type ToolbeltError,
} from '@toolbelt/errors';
import {
  common,
  createI18n,
  detectLanguage,
  langFromArgv,
  type Bilingual,
  type I18n,
  type Language,
  type Translate,
} from '@toolbelt/i18n';
import { createLogger, isSecretKey, type Logger } from '@toolbelt/log';
import { readClock, type Clock } from './clock.js';
import type { BaseFlagName } from './common-flags.js';
import { loadEnv, type Env } from './env.js';
import { createProgress, type Progress, type ProgressOptions } from './progress.js';
import { toUsageError, type FlagTable } from './usage-errors.js';

/** Flags every Toolbelt command has (shown under GLOBAL FLAGS). */
export const baseFlags = {
  lang: Flags.string({
    summary: common.en.help.flags.lang,
    options: ['en', 'ru'],
    helpGroup: 'GLOBAL',
  }),
  dotenv: Flags.string({
    summary: common.en.help.flags.envFile,
    helpGroup: 'GLOBAL',
    exclusive: ['env-file'],
  }),
  /**
   * The old name of --dotenv, still accepted when the bin is started directly. Hidden: Node 20
   * itself takes `--env-file` anywhere in argv for its own when it starts a script (`npx`,
   * `node bin/run.js`) and exits 9 on a missing file before the tool runs.
   */
  'env-file': Flags.string({
    summary: 'Same as --dotenv.',
    helpGroup: 'GLOBAL',
    hidden: true,
    exclusive: ['dotenv'],
  }),
  'log-dir': Flags.string({
    summary: common.en.help.flags.logDir,
    default: '.logs',
    helpGroup: 'GLOBAL',
  }),
  'log-keep': Flags.integer({
    summary: common.en.help.flags.logKeep,
    default: 3,
    min: 1,
    helpGroup: 'GLOBAL',
  }),
  verbose: Flags.boolean({
    summary: common.en.help.flags.verbose,
    exclusive: ['quiet'],
    helpGroup: 'GLOBAL',
  }),
  quiet: Flags.boolean({
    summary: common.en.help.flags.quiet,
    exclusive: ['verbose'],
    helpGroup: 'GLOBAL',
  }),
} satisfies Record<BaseFlagName, unknown>;

export type CommandFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>;
export type CommandArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * The base of every Toolbelt command: parses flags, loads `.env` (flags > env > .env >
 * defaults), sets up i18n and the run's logger, and turns every error into the documented
 * exit code, as JSON on stdout with `--json`. Subclasses implement `run()` and return their
 * typed result (printed as JSON with `--json`).
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true;
  static override baseFlags = baseFlags;
  /** Exit codes this command can end with; listed in its help. */
  static exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'];
  /** The app's message catalogs by namespace; the first is the default namespace. */
  static catalogs: Record<string, Bilingual> = {};
  /** Write a log file for runs of this command (default true). */
  static writesLogFile = true;
  /**
   * Ctrl-C ends the run with CANCELLED (130), saying what was done (default true). Commands
   * for which Ctrl-C is the normal way to stop (servers, workers) set false and handle SIGINT.
   */
  static cancelOnInterrupt = true;

  protected flags!: CommandFlags<T>;
  protected args!: CommandArgs<T>;
  /** Environment: process variables over the `.env` file. */
  protected env!: Env;
  /** The `.env` file that was read, if any. */
  protected envFile: string | undefined;
  protected i18n!: I18n;
  protected t!: Translate;
  protected lang!: Language;
  protected logger!: Logger;
  /**
   * When the run counts as started: `TOOLBELT_NOW` when set (process or `.env`), else the
   * system time. Read once in `init()`; pass it (or `now`) to the app, never read the clock.
   */
  protected startedAt = new Date();
  /** The run's clock: `startedAt` plus the real time elapsed since. */
  protected now: Clock = () => new Date();
  /**
   * Aborted on Ctrl-C (SIGINT), with the CANCELLED error as its reason: pass it to long work
   * (lock waits, fetch) so that it stops at once.
   */
  protected readonly interrupt = new AbortController();
  /**
   * What was and was not done so far, for the Ctrl-C message (`3 of 7 days loaded;
   * 2023-05-04 and later were not`): best a text in every language (`messages.text(...)`), so
   * that the log gets English; a string is taken as it is. Commands set it as work proceeds.
   */
  protected cancelNote: (() => Texts | string | undefined) | undefined;
  private interrupted = false;
  /** The bar being drawn, so that log lines are printed above it. */
  private activeProgress: Progress | undefined;
  private readonly onInterrupt = (): void => {
    // A second Ctrl-C while we report the first: leave at once.
    if (this.interrupted) process.exit(exitCodes.CANCELLED);
    this.interrupted = true;
    const error = cancelledError(this.cancelNote?.());
    this.interrupt.abort(error);
    this.activeProgress?.stop();
    this.activeProgress = undefined;
    // The terminal has echoed ^C: start on a line of our own.
    if (process.stderr.isTTY) process.stderr.write('\n');
    this.report(error);
    this.logger?.close();
    // process.exit runs the 'exit' hooks that release locks and remove unfinished temp files.
    process.exit(error.exitCode);
  };

  private get ctorBase(): typeof BaseCommand {
    return this.constructor as typeof BaseCommand;
  }

  public override async init(): Promise<void> {
    await super.init();
    // Language first, from raw argv, so that even a flag error is reported in it.
    this.setLanguage(langFromArgv(this.argv), process.env);
    const ctor = this.ctorBase;
    let parsed: Awaited<ReturnType<Command['parse']>>;
    try {
      parsed = await this.parse({
        flags: ctor.flags,
        baseFlags: ctor.baseFlags,
        enableJsonFlag: ctor.enableJsonFlag,
        args: ctor.args,
        strict: ctor.strict,
      });
    } catch (error) {
      // Everything argv can get wrong is the user's mistake: USAGE, naming the flag.
      throw toUsageError(error, this.knownFlags(), Object.keys(ctor.args ?? {}));
    }
    const { args, flags } = parsed;
    this.flags = flags as CommandFlags<T>;
    this.args = args as CommandArgs<T>;
    const loaded = loadEnv({ envFile: this.flags.dotenv ?? this.flags['env-file'] });
    this.env = loaded.env;
    this.envFile = loaded.file;
    this.setLanguage(this.flags.lang, this.env);
    const clock = readClock(this.env);
    this.startedAt = clock.startedAt;
    this.now = clock.now;
    const consoleLevel = this.flags.quiet ? 'error' : this.flags.verbose ? 'debug' : 'info';
    this.logger = createLogger({
      name: this.config.bin,
      dir: ctor.writesLogFile ? this.flags['log-dir'] : undefined,
      keep: ctor.writesLogFile ? this.flags['log-keep'] : undefined,
      consoleLevel,
      // Console lines go above a progress bar when one is drawn.
      // (isTTY: the logger colours lines for a terminal.)
      console: {
        isTTY: process.stderr.isTTY,
        write: (chunk: string) =>
          this.activeProgress?.printAbove
            ? this.activeProgress.printAbove(chunk)
            : process.stderr.write(chunk),
      } as { write(chunk: string): unknown },
      secrets: Object.entries(this.env)
        .filter(([key]) => isSecretKey(key))
        .map(([, value]) => value),
      startedAt: this.startedAt,
      now: this.now,
    });
    this.logger.debug(`${this.config.bin} ${this.id ?? ''} ${this.config.version}`);
    if (ctor.cancelOnInterrupt) process.on('SIGINT', this.onInterrupt);
  }

  /**
   * A progress bar for long work, on stderr: drawn only on a terminal, never with --json or
   * --quiet (then every call is a no-op). Log lines are printed above it while it is drawn.
   */
  protected async startProgress(
    options: Omit<ProgressOptions, 'enabled' | 'stream'>,
  ): Promise<Progress> {
    const enabled = Boolean(process.stderr.isTTY) && !this.jsonEnabled() && !this.flags.quiet;
    const progress = await createProgress({ locale: this.lang, ...options, enabled });
    if (!progress.printAbove) return progress;
    this.activeProgress = progress;
    return {
      ...progress,
      stop: () => {
        if (this.activeProgress === progress) this.activeProgress = undefined;
        progress.stop();
      },
    };
  }

  /** Every flag this command accepts, for "did you mean" and usage messages. */
  protected knownFlags(): FlagTable {
    const ctor = this.ctorBase;
    return {
      ...(ctor.baseFlags as FlagTable),
      ...(ctor.flags as FlagTable | undefined),
      // Present or absent, not undefined: a key of this table is a flag the command knows.
      ...(ctor.enableJsonFlag ? { json: { type: 'boolean' } } : {}),
      help: { type: 'boolean' },
    };
  }

  private setLanguage(flag: string | undefined, env: Env): void {
    this.lang = detectLanguage(flag, env);
    this.i18n = createI18n({ lang: this.lang, namespaces: this.ctorBase.catalogs });
    this.t = this.i18n.t;
  }

  /** Set the exit status without ending the process (e.g. PARTIAL after printing a result). */
  protected setExitCode(code: ErrorCode): void {
    process.exitCode = exitCodes[code];
  }

  /** An error in the user's language: message, problems and hint (or the config fix line). */
  protected describeError(error: ToolbeltError): string {
    const logFile = this.logger?.file;
    if (error.code === 'INTERNAL') {
      const message = error.cause instanceof Error ? error.cause.message : error.message;
      return logFile
        ? this.t('common:errors.internal', { message, logFile })
        : this.t('common:errors.internalNoLog', { message });
    }
    // Made by a catalog, the error carries its texts: no registration, no lookup by key.
    const local = error.localized(this.lang);
    const lines = [local.message];
    // Every problem of an invalid file or setting, in human output as in --json (unless the
    // message itself carries them, as a `problems` parameter).
    if (!('problems' in error.params)) lines.push(...local.problems.map((p) => `  - ${p}`));
    if (local.hint) lines.push(local.hint);
    // The config list ends with its fix line, naming the .env file read when the error does not.
    else if (error.code === 'CONFIG' && error.key === 'common:errors.config')
      lines.push(this.t('common:errors.configFix', { envFile: this.envFile ?? '.env' }));
    return lines.join('\n');
  }

  protected override toSuccessJson(result: unknown): unknown {
    return this.logger ? this.logger.redactor.value(result) : result;
  }

  public override catch(
    err: Error & { oclif?: { exit?: number }; code?: string },
  ): Promise<unknown> {
    // this.exit() inside run(): pass it on untouched.
    if (err.code === 'EEXIT') throw err;
    const error = toCommandError(err);
    if (this.logger) {
      this.logger.log(
        error.code === 'INTERNAL' ? 'error' : 'debug',
        `${error.code}: ${error.message}`,
      );
      // The file is the full record: every problem of a list, in English.
      for (const problem of error.problems) this.logger.debug(`  - ${problem}`);
      if (error.code === 'INTERNAL')
        this.logger.debug(String((error.cause as Error | undefined)?.stack ?? error.stack));
      else if (error.cause instanceof Error) this.logger.debug(`cause: ${error.cause.message}`);
    }
    this.report(error);
    this.exit(error.exitCode);
    return Promise.resolve(undefined);
  }

  /** Prints an error: JSON on stdout with --json, else localised text on stderr. */
  private report(error: ToolbeltError): void {
    const redact = (s: string): string => (this.logger ? this.logger.redactor.text(s) : s);
    if (this.jsonEnabled()) {
      // The library's own words (a parser's, a driver's) stay available to machines as `cause`.
      const cause =
        error.code !== 'INTERNAL' && error.cause instanceof Error
          ? { cause: redact(error.cause.message) }
          : {};
      const json = {
        error: {
          ...error.toJSON(),
          message: redact(this.describeError(error).split('\n')[0] ?? error.message),
          ...cause,
        },
      };
      process.stdout.write(
        JSON.stringify(this.logger ? this.logger.redactor.value(json) : json, null, 2) + '\n',
      );
    } else {
      // Ctrl-C is the user's own choice, not an error: just `cancelled` and what was done.
      const prefix =
        error.code === 'CANCELLED' ? '' : `${this.t ? this.t('common:errors.prefix') : 'Error'}: `;
      process.stderr.write(`${prefix}${redact(this.describeError(error))}\n`);
      if (error.code === 'USAGE' && this.t)
        process.stderr.write(`${this.t('common:errors.seeHelp')}\n`);
    }
  }

  public override async finally(err: Error | undefined): Promise<unknown> {
    process.removeListener('SIGINT', this.onInterrupt);
    this.activeProgress?.stop();
    this.activeProgress = undefined;
    this.logger?.close();
    return super.finally(err);
  }
}

/** Any thrown value -> ToolbeltError: oclif parse errors are USAGE, unknown errors INTERNAL. */
export function toCommandError(err: unknown): ToolbeltError {
  if (isToolbeltError(err)) return err;
  if (
    err instanceof Error &&
    ('parse' in err ||
      err.constructor.name.endsWith('ParseError') ||
      /Flag|Arg/.test(err.constructor.name))
  ) {
    return toUsageError(err);
  }
  // A server's address taken or refused: the environment, not a bug.
  const sys = err as { code?: unknown; syscall?: unknown; address?: unknown; port?: unknown };
  if (err instanceof Error && sys.syscall === 'listen' && typeof sys.code === 'string') {
    const part = (v: unknown): string =>
      typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    const address = `${part(sys.address)}:${part(sys.port)}`;
    return commonMessages.error(
      'UNAVAILABLE',
      sys.code === 'EADDRINUSE' ? 'errors.addressInUse' : 'errors.listenRefused',
      { address, code: sys.code },
      { cause: err },
    );
  }
  // Ctrl-C at an inquirer prompt (raw mode: no SIGINT reaches the process).
  if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError'))
    return cancelledError();
  // A flag's own parse() may throw a ToolbeltError that oclif wrapped.
  if (err instanceof Error && isToolbeltError(err.cause)) return err.cause;
  return toToolbeltError(err);
}

/**
 * The CANCELLED error (exit 130) of a Ctrl-C: `cancelled`, then `done` (what was and was not
 * done: a text in every language, or a string taken as it is) when given.
 */
export function cancelledError(done?: Texts | string): ToolbeltError {
  return done
    ? commonMessages.error('CANCELLED', 'errors.cancelledDone', { done })
    : commonMessages.error('CANCELLED', 'errors.cancelled');
}
