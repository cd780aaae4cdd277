import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { ToolbeltError } from '@toolbelt/errors';

/** A saved API response (`--source-file`), streamed from disk (replays, tests, the demo). */
export async function openSourceFile(file: string): Promise<AsyncIterable<Uint8Array>> {
  try {
    await access(file);
  } catch (cause) {
    throw new ToolbeltError(
      'USAGE',
      `Cannot read the saved API response ${file}: ${(cause as Error).message}`,
      {
        cause,
        key: 'errors.sourceFile',
        params: { file, reason: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message },
      },
    );
  }
  return createReadStream(file, { highWaterMark: 256 * 1024 });
}
