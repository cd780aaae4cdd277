import { ToolbeltError } from '@toolbelt/errors';
import { JsonArrayError, JsonArrayReader } from '../core/json-array.js';

/**
 * The elements of a JSON array read from a byte stream, one at a time: only the current chunk
 * of input is in memory, never the whole day. Malformed JSON, or a top level that is not an
 * array, is a DATA error naming the character offset.
 */
export async function* readJsonArray(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<unknown> {
  for await (const batch of readJsonArrayBatches(source)) yield* batch;
}

/**
 * Like {@link readJsonArray}, but yields the elements completed by each chunk of input as one
 * array: one async step per chunk instead of per record (async steps per record cost as much
 * as the parsing at a million records). Bytes are decoded as UTF-8 by one streaming
 * TextDecoder (a character split across chunks is fine; a leading BOM is dropped); the
 * elements are found by {@link JsonArrayReader} and parsed by the native JSON.parse.
 */
export async function* readJsonArrayBatches(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<unknown[]> {
  const reader = new JsonArrayReader();
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      const batch = reader.push(text);
      if (batch.length > 0) yield batch;
    }
    const tail = reader.push(decoder.decode());
    if (tail.length > 0) yield tail;
    const last = reader.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (error instanceof JsonArrayError) throw badResponse(error);
    throw error;
  }
}

function badResponse(cause: JsonArrayError): ToolbeltError {
  return new ToolbeltError(
    'DATA',
    `The API response is not a JSON array of records: ${cause.message}`,
    { cause, key: 'errors.badResponse', params: { reason: cause.message } },
  );
}
