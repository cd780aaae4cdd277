import { createInterface } from 'node:readline/promises';
import { requireInteractive, type PromptIO } from '@toolbelt/cli-kit';
import { readPromptAnswer } from './core/dates.js';
import type { Say } from './process-days.js';

/**
 * The original's prompt, byte for byte like Python's `input()`: the text, then the line the
 * terminal echoes (readline in non-terminal mode, so no cursor escape sequences; the
 * terminal's own line editing applies). Asks until a real date is typed; `exit` (any case)
 * or end of input gives undefined. Not a terminal: the USAGE error naming `--date` (exit 64).
 */
export async function askDate(say: Say, io: PromptIO = {}): Promise<string | undefined> {
  requireInteractive('--date', io);
  const output = io.output ?? process.stdout;
  const rl = createInterface({ input: io.input ?? process.stdin, output, terminal: false });
  const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
  try {
    for (;;) {
      const text = await Promise.race([rl.question(say('prompt.ask')), closed]);
      if (text === undefined) return undefined;
      const answer = readPromptAnswer(text);
      if (answer.kind === 'exit') return undefined;
      if (answer.kind === 'date') return answer.day;
      output.write(`${say('prompt.bad')}\n`);
    }
  } finally {
    rl.close();
  }
}
