import { createServer, type AddressInfo } from 'node:net';
import * as vitest from 'vitest';
import { describe, expect, it } from 'vitest';
import { usageMistakes } from '@toolbelt/testkit/usage-mistakes';

const mistakes = usageMistakes(import.meta.url, vitest);

await mistakes.describeTypedFlagMistakes('log-keep');

describe('the everyday mistakes of job-runner', () => {
  mistakes.walkMistakes([
    [
      ['rerun', 'abc'],
      64,
      'RUN expects an integer, got "abc".',
      'RUN ожидает целое число, получено «abc».',
    ],
    [
      ['serve', '--port', 'abc'],
      64,
      'Error: --port expects an integer, got "abc".\nSee --help for usage.\n',
      'Ошибка: --port ожидает целое число, получено «abc».',
    ],
    [['sevre'], 64, 'Unknown command "sevre". Did you mean "serve"?', '«serve»'],
    [
      ['runs', '--limit', '5', '--limit', '6'],
      64,
      '--limit was given more than once; give it once.',
      '--limit указан больше одного раза',
    ],
  ]);
});

describe('a port already in use', () => {
  it('is UNAVAILABLE (69) naming the address and the fix, not a bug', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const [lang, text] of [
        [
          'en',
          `Error: 127.0.0.1:${port} is already in use: stop what listens there or pass another --port.\n`,
        ],
        ['ru', `Ошибка: адрес 127.0.0.1:${port} уже занят`],
      ] as const) {
        const r = mistakes.inEmptyDir(['serve', '--port', String(port), '--lang', lang]);
        expect(r.status, r.stderr).toBe(69);
        expect(r.stderr).toContain(text);
        expect(r.stderr).not.toContain('This is a bug');
      }
    } finally {
      server.close();
    }
  });
});
