/**
 * Reads `source` ahead of the consumer into a buffer of at most `depth` items, so that a slow
 * producer (HTTP pages) and a slow consumer (bulk writes) overlap. Memory is bounded by
 * `depth` items; the producer waits when the buffer is full. Errors reach the consumer in
 * order, after the items read before them. Breaking out of the loop stops the producer.
 */
export async function* prefetch<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  if (depth < 1) {
    yield* source;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  let stopped = false;

  const produce = async (): Promise<void> => {
    try {
      while (!stopped) {
        if (buffer.length >= depth) {
          await new Promise<void>((resolve) => (wakeProducer = resolve));
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        buffer.push(next.value);
        wakeConsumer?.();
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      wakeConsumer?.();
    }
  };
  const producer = produce();

  try {
    for (;;) {
      if (buffer.length > 0) {
        const item = buffer.shift() as T;
        const resume = wakeProducer;
        wakeProducer = undefined;
        resume?.();
        yield item;
        continue;
      }
      if (done) {
        if (failure) throw failure.error;
        return;
      }
      await new Promise<void>((resolve) => (wakeConsumer = resolve));
      wakeConsumer = undefined;
    }
  } finally {
    stopped = true;
    const resume = wakeProducer;
    wakeProducer = undefined;
    resume?.();
    await producer;
    if (!done || failure === undefined) await iterator.return?.();
  }
}
