/** Exit status of each error code (DESIGN.md, "Errors and exit codes"). */
export const exitCodes = {
  OK: 0,
  PARTIAL: 1,
  USAGE: 64,
  DATA: 65,
  UNAVAILABLE: 69,
  INTERNAL: 70,
  /** The environment refused a write or read: read-only file system, no space left, permission denied. */
  IOERR: 74,
  TEMPFAIL: 75,
  AUTH: 77,
  CONFIG: 78,
  /** Interrupted by the user (Ctrl-C / SIGINT at a prompt or during work). */
  CANCELLED: 130,
} as const;

export type ErrorCode = keyof typeof exitCodes;
export type ExitCode = (typeof exitCodes)[ErrorCode];

export const errorCodes = Object.keys(exitCodes) as ErrorCode[];

/** One text in every language Toolbelt speaks (`en`, `ru`). */
export interface Texts {
  readonly en: string;
  readonly ru: string;
}

/** Language codes of `Texts`. */
export type TextLanguage = keyof Texts;

/** What an error says, in one language. */
export interface LocalizedError {
  message: string;
  hint: string | undefined;
  problems: string[];
}

export interface ToolbeltErrorOptions {
  /** The original error (vendor error, system error). Never shown to the user in --json. */
  cause?: unknown;
  /** What the user can do about it (shown after the message): English, or in every language. */
  hint?: string | Texts;
  /** i18n key (namespace:key) that renders this error in the user's language. */
  key?: string;
  /** Interpolation values for `key`; also kept as structured data for --json. */
  params?: Record<string, unknown>;
  /** Several problems reported at once (config validation, data validation). */
  problems?: readonly (string | Texts)[];
  /** The message in every language (made by a catalog, see `defineMessages`). */
  texts?: Texts;
}

function english(text: string | Texts): string {
  return typeof text === 'string' ? text : text.en;
}

function inLanguage(text: string | Texts, lang: TextLanguage): string {
  return typeof text === 'string' ? text : text[lang];
}

/**
 * The one error class of Toolbelt. `message` is English (logs); `texts` (and `key` + `params`)
 * let the entry point render it in the user's language. Errors are made by a catalog
 * (`defineMessages(...).error(...)`), not with `new`.
 */
export class ToolbeltError extends Error {
  override readonly name = 'ToolbeltError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly key: string | undefined;
  readonly params: Record<string, unknown>;
  readonly problems: readonly string[];
  /** The message in every language, when a catalog made the error. */
  readonly texts: Texts | undefined;
  private readonly localHint: string | Texts | undefined;
  private readonly localProblems: readonly (string | Texts)[];

  constructor(code: ErrorCode, message: string, options: ToolbeltErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint === undefined ? undefined : english(options.hint);
    this.key = options.key;
    this.params = options.params ?? {};
    this.problems = (options.problems ?? []).map(english);
    this.texts = options.texts;
    this.localHint = options.hint;
    this.localProblems = options.problems ?? [];
  }

  /**
   * Message, hint and problems in `lang`; parts that exist only in English (a library's words)
   * stay English.
   */
  localized(lang: TextLanguage): LocalizedError {
    return {
      message: this.texts ? this.texts[lang] : this.message,
      hint: this.localHint === undefined ? undefined : inLanguage(this.localHint, lang),
      problems: this.localProblems.map((p) => inLanguage(p, lang)),
    };
  }

  get exitCode(): ExitCode {
    return exitCodes[this.code];
  }

  /** Plain data for `--json` output: no stack, no cause (JSON leaves out the unset parts). */
  toJSON(): ToolbeltErrorJson {
    return {
      code: this.code,
      exitCode: this.exitCode,
      message: this.message,
      hint: this.hint || undefined,
      problems: this.problems.length > 0 ? [...this.problems] : undefined,
    };
  }
}

export interface ToolbeltErrorJson {
  code: ErrorCode;
  exitCode: ExitCode;
  message: string;
  hint?: string;
  problems?: string[];
}

export function isToolbeltError(value: unknown): value is ToolbeltError {
  if (value instanceof ToolbeltError) return true;
  // A ToolbeltError from another copy of this package (two versions installed side by side).
  if (!(value instanceof Error) || value.name !== 'ToolbeltError') return false;
  const code = (value as unknown as { code?: unknown }).code;
  return typeof code === 'string' && code in exitCodes;
}

export function exitCodeOf(code: ErrorCode): ExitCode {
  return exitCodes[code];
}
