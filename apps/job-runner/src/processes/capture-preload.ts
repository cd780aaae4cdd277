/**
 * Preloaded (`node --import`) into Node jobs run by the executioner. Two pipes cannot tell
 * which of two quick writes came first, so both streams are sent down stdout as tagged lines
 * (`\x1eO...` / `\x1eE...`): one pipe keeps the order the job wrote in.
 */
import { StringDecoder } from 'node:string_decoder';

const writeOut = process.stdout.write.bind(process.stdout);

type WriteCallback = (error?: Error | null) => void;

function framed(tag: 'O' | 'E'): { write: typeof process.stdout.write; flush: () => void } {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  const emit = (text: string): void => {
    const parts = (tail + text).split('\n');
    tail = parts.pop() ?? '';
    if (parts.length > 0) writeOut(parts.map((line) => `\x1e${tag}${line}\n`).join(''));
  };
  const write = ((
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ): boolean => {
    const cb = typeof encoding === 'function' ? encoding : callback;
    emit(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk)));
    if (cb) process.nextTick(cb);
    return true;
  }) as typeof process.stdout.write;
  const flush = (): void => {
    const rest = tail + decoder.end();
    tail = '';
    if (rest !== '') writeOut(`\x1e${tag}${rest}\n`);
  };
  return { write, flush };
}

const out = framed('O');
const err = framed('E');
process.stdout.write = out.write;
process.stderr.write = err.write;
process.on('exit', () => {
  out.flush();
  err.flush();
});
