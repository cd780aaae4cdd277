import { createInterface } from 'node:readline/promises';
import { requireInteractive, type PromptIO } from '@toolbelt/cli-kit';
import { readPromptAnswer } from '../core/dates.js';

/** The prompt's words, in the run's language. */
export interface DatePromptTexts {
  /** The question (the original's `Enter processing date in format: ...`). */
  ask: string;
  /** Said after an answer that is not a date. */
  bad: string;
}

/**
 * The original's prompt, byte for byte like Python's `input()`: the text, then the line the
 * terminal echoes (readline in non-terminal mode, so no cursor escape sequences; the
 * terminal's own line editing applies). Asks until a real date is typed; `exit` (any case)
 * or end of input gives undefined. Not a terminal: the USAGE error naming `--date` (exit 64).
 */
export async function askDate(
  texts: DatePromptTexts,
  io: PromptIO = {},
): Promise<string | undefined> {
  requireInteractive('--date', io);
  const output = io.output ?? process.stdout;
  const rl = createInterface({ input: io.input ?? process.stdin, output, terminal: false });
  const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
  try {
    for (;;) {
      const text = await Promise.race([rl.question(texts.ask), closed]);
      if (text === undefined) return undefined;
      const answer = readPromptAnswer(text);
      if (answer.kind === 'exit') return undefined;
      if (answer.kind === 'date') return answer.day;
      output.write(`${texts.bad}\n`);
    }
  } finally {
    rl.close();
  }
}
