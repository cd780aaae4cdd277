import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptLine, promptText, requireInteractive } from './prompts.js';

describe('prompts', () => {
  it('refuses without a terminal with a USAGE error naming the flag', async () => {
    const input = new PassThrough();
    const refused: unknown = await promptText(
      { message: 'Name?', flag: '--name' },
      { input },
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'USAGE' });
    expect((refused as Error).message).toContain('--name');
    expect(() => requireInteractive('--date', { input })).toThrow(/--date/);
  });

  it('reads a line with the exact prompt text when interactive', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (c: Buffer) => (shown += c.toString()));
    const answer = promptLine(
      { message: 'Enter date: ', flag: '--date' },
      { input, output, interactive: true },
    );
    input.write('2024-10-02\n');
    expect(await answer).toBe('2024-10-02');
    expect(shown).toContain('Enter date: ');
  });

  it('resolves undefined at end of input', async () => {
    const input = new PassThrough();
    const answer = promptLine(
      { message: '? ', flag: '--x' },
      { input, output: new PassThrough(), interactive: true },
    );
    input.end();
    expect(await answer).toBeUndefined();
  });

  it('drives an inquirer prompt through streams', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const answer = promptText(
      { message: 'Name?', flag: '--name' },
      { input, output, interactive: true },
    );
    setTimeout(() => input.write('Ann\n'), 50);
    expect(await answer).toBe('Ann');
  });
});
