import { promptLine, type PromptIO } from '@toolbelt/cli-kit';
import { readPromptAnswer } from './core/dates.js';
import type { Say } from './process-days.js';

/**
 * The original's prompt: asks until a real date is typed; `exit` (any case) or end of input
 * gives undefined. Not a terminal: the USAGE error naming `--date` (exit 64).
 */
export async function askDate(
  say: Say,
  io: PromptIO & { output?: NodeJS.WritableStream } = {},
): Promise<string | undefined> {
  const output = io.output ?? process.stdout;
  for (;;) {
    const text = await promptLine(
      { message: say('prompt.ask'), flag: '--date' },
      { ...io, output },
    );
    if (text === undefined) return undefined;
    const answer = readPromptAnswer(text);
    if (answer.kind === 'exit') return undefined;
    if (answer.kind === 'date') return answer.day;
    output.write(`${say('prompt.bad')}\n`);
  }
}
