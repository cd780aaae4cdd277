import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { messages } from '../i18n/index.js';

/** A saved API response (`--source-file`), streamed from disk (replays, tests, the demo). */
export async function openSourceFile(file: string): Promise<AsyncIterable<Uint8Array>> {
  try {
    await access(file);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw messages.error('USAGE', 'errors.sourceFile', { file, reason }, { cause });
  }
  return createReadStream(file, { highWaterMark: 256 * 1024 });
}
