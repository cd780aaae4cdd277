import { isAscii } from 'node:buffer';
import type { ToolbeltError } from '@toolbelt/errors';
import { JsonArrayError, JsonArrayReader } from '../core/json-array.js';
import { messages } from '../i18n/index.js';

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
 * Like {@link readJsonArray}, but yields the elements completed by each piece of input as one
 * array: one async step per batch instead of per record (async steps per record cost as much
 * as the parsing at a million records). Bytes are decoded by {@link Utf8Decoder} (a character
 * split across chunks is fine; a leading BOM is dropped); the elements are found by
 * {@link JsonArrayReader} and parsed by the native JSON.parse.
 */
export async function* readJsonArrayBatches(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<unknown[]> {
  const reader = new JsonArrayReader();
  const decoder = new Utf8Decoder();
  try {
    for await (const chunk of source) {
      const texts = typeof chunk === 'string' ? [chunk] : decoder.decode(chunk);
      for (const text of texts) {
        const batch = reader.push(text);
        if (batch.length > 0) yield batch;
      }
    }
    const tail = reader.push(decoder.end());
    if (tail.length > 0) yield tail;
    const last = reader.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (error instanceof JsonArrayError) throw badResponse(error);
    throw error;
  }
}

/** Bytes checked for ASCII at a time in a chunk that is not all ASCII. */
const BLOCK_BYTES = 4096;

/**
 * UTF-8 bytes to text, chunk by chunk (a character may be cut between chunks). Node 20's
 * TextDecoder reads ~0.7 GB/s; ASCII copied as latin1 (the same characters) ~6 GB/s. A chunk
 * that is all ASCII is copied whole; one with a few non-ASCII characters is cut in 4 KiB
 * blocks, its ASCII runs copied and only the other blocks decoded by one streaming
 * TextDecoder. Returns the chunk's text in pieces, in order.
 */
export class Utf8Decoder {
  // ignoreBOM: the decoder may first see the middle of the stream (after ASCII runs); the
  // JSON reader drops a BOM at the very start itself.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The decoder may hold the first bytes of a character: the next bytes must go through it. */
  private inCharacter = false;

  decode(chunk: Uint8Array): string[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const n = bytes.length;
    if (n === 0) return [];
    if (!this.inCharacter && isAscii(bytes)) return [bytes.toString('latin1')];
    const pieces: string[] = [];
    let asciiFrom = -1;
    for (let at = 0; at < n; at += BLOCK_BYTES) {
      const block = bytes.subarray(at, Math.min(at + BLOCK_BYTES, n));
      if (!this.inCharacter && isAscii(block)) {
        if (asciiFrom < 0) asciiFrom = at;
        continue;
      }
      if (asciiFrom >= 0) {
        pieces.push(bytes.toString('latin1', asciiFrom, at));
        asciiFrom = -1;
      }
      pieces.push(this.decoder.decode(block, { stream: true }));
      this.inCharacter = endsInCharacter(block);
    }
    if (asciiFrom >= 0) pieces.push(bytes.toString('latin1', asciiFrom, n));
    return pieces;
  }

  /** The input is complete: what the decoder still holds (a cut character becomes U+FFFD). */
  end(): string {
    return this.decoder.decode();
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
  return messages.error('DATA', 'errors.badResponse', { reason: cause.message }, { cause });
}
