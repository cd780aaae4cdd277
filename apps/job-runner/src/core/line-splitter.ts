/**
 * Splits a byte stream into text lines. Keeps the unfinished tail between chunks; a line
 * longer than `maxLength` characters is cut into pieces so one huge line cannot exhaust
 * memory. `\r\n` and `\n` end lines; a trailing `\r` is dropped.
 */
export class LineSplitter {
  private tail = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly maxLength = 64 * 1024) {}

  /** Lines completed by this chunk. */
  push(chunk: Uint8Array): string[] {
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    this.tail = parts.pop() ?? '';
    const lines: string[] = [];
    for (const part of parts) this.cut(part.endsWith('\r') ? part.slice(0, -1) : part, lines);
    while (this.tail.length > this.maxLength) {
      lines.push(this.tail.slice(0, this.maxLength));
      this.tail = this.tail.slice(this.maxLength);
    }
    return lines;
  }

  /** The last line when the stream ended without a newline. */
  end(): string[] {
    const rest = this.tail + this.decoder.decode();
    this.tail = '';
    return rest === '' ? [] : [rest];
  }

  private cut(line: string, out: string[]): void {
    if (line.length <= this.maxLength) {
      out.push(line);
      return;
    }
    for (let i = 0; i < line.length; i += this.maxLength)
      out.push(line.slice(i, i + this.maxLength));
  }
}
