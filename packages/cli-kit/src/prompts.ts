import { createInterface } from 'node:readline/promises';
import { commonMessages, type ToolbeltError } from '@toolbelt/errors';

/** Streams a prompt talks to; tests pass their own (a pseudo-terminal or plain streams). */
export interface PromptIO {
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
  /** Override TTY detection (default: input.isTTY). */
  interactive?: boolean;
}

function interactive(io: PromptIO): boolean {
  return io.interactive ?? Boolean((io.input ?? process.stdin).isTTY);
}

/** The USAGE error (exit 64) for "input needed but no TTY": names the flag to pass instead. */
export function noTtyError(flag: string): ToolbeltError {
  return commonMessages.error('USAGE', 'errors.noTty', { flag });
}

/** Throws the no-TTY USAGE error unless the input is a terminal. */
export function requireInteractive(flag: string, io: PromptIO = {}): void {
  if (!interactive(io)) throw noTtyError(flag);
}

/** Free text (inquirer `input`); `flag` names the non-interactive alternative. */
export async function promptText(
  options: {
    message: string;
    flag: string;
    default?: string;
    required?: boolean;
    validate?: (value: string) => true | string;
  },
  io: PromptIO = {},
): Promise<string> {
  requireInteractive(options.flag, io);
  const { input } = await import('@inquirer/prompts');
  return input(
    {
      message: options.message,
      default: options.default,
      required: options.required,
      validate: options.validate,
    },
    streams(io),
  );
}

/** A secret (inquirer `password`, masked). */
export async function promptSecret(
  options: { message: string; flag: string },
  io: PromptIO = {},
): Promise<string> {
  requireInteractive(options.flag, io);
  const { password } = await import('@inquirer/prompts');
  return password({ message: options.message, mask: '*' }, streams(io));
}

/** Yes/no (inquirer `confirm`). */
export async function promptConfirm(
  options: { message: string; flag: string; default?: boolean },
  io: PromptIO = {},
): Promise<boolean> {
  requireInteractive(options.flag, io);
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message: options.message, default: options.default ?? false }, streams(io));
}

/** One of several choices (inquirer `select`). */
export async function promptSelect<T extends string>(
  options: { message: string; flag: string; choices: readonly { value: T; name?: string }[] },
  io: PromptIO = {},
): Promise<T> {
  requireInteractive(options.flag, io);
  const { select } = await import('@inquirer/prompts');
  return select(
    {
      message: options.message,
      choices: options.choices.map((c) => ({ value: c.value, name: c.name ?? c.value })),
    },
    streams(io),
  );
}

/**
 * A plain line prompt printed exactly as given (no decoration), for tools whose original
 * prompt text is part of their contract. Resolves `undefined` at end of input.
 */
export async function promptLine(
  options: { message: string; flag: string },
  io: PromptIO = {},
): Promise<string | undefined> {
  requireInteractive(options.flag, io);
  const rl = createInterface({
    input: io.input ?? process.stdin,
    output: io.output ?? process.stdout,
    // Not a readline terminal: the prompt is printed byte for byte (no cursor escapes) and
    // the terminal itself echoes what is typed.
    terminal: false,
  });
  try {
    const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
    return await Promise.race([rl.question(options.message), closed]);
  } finally {
    rl.close();
  }
}

function streams(io: PromptIO): { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } {
  return { input: io.input, output: io.output };
}
