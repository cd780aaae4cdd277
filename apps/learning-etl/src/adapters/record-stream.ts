import { isAscii } from 'node:buffer';
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
  // ignoreBOM: the decoder may first see the middle of the stream (after ASCII chunks); the
  // reader drops a BOM at the very start itself.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let inCharacter = false;
  try {
    for await (const chunk of source) {
      let text: string;
      if (typeof chunk === 'string') text = chunk;
      else if (!inCharacter && isAscii(chunk)) {
        // ASCII is its own UTF-8: latin1 copies the bytes ~8x faster than the UTF-8 decoder.
        text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      } else {
        text = decoder.decode(chunk, { stream: true });
        inCharacter = endsInCharacter(chunk);
      }
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

/**
 * Whether `bytes` may end inside a multi-byte UTF-8 character, which the streaming decoder then
 * holds for the next chunk (so that chunk must go through it too). Errs towards yes.
 */
export function endsInCharacter(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const byte = bytes[n - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (byte < 0x80) return false;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return back < length;
  }
  return true;
}

function badResponse(cause: JsonArrayError): ToolbeltError {
  return new ToolbeltError(
    'DATA',
    `The API response is not a JSON array of records: ${cause.message}`,
    { cause, key: 'errors.badResponse', params: { reason: cause.message } },
  );
}
