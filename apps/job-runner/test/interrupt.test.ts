import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';

const bin = appBin(import.meta.url);
const dir = makeTempDir('job-runner-interrupt');
afterAll(() => dir.cleanup());

describe('Ctrl-C at a field prompt, on a real terminal', () => {
  it('exits 130 with "cancelled", not "User force closed the prompt ... This is a bug"', async () => {
    writeFileSync(
      join(dir.path, 'greet.mjs'),
      `export const metadata = ${JSON.stringify({
        name: 'greet',
        description: 'Greets someone.',
        fields: [{ name: 'who', label: 'Who to greet', required: true }],
      })};\nexport async function run(params, ctx) { ctx.log('hello ' + params.who); }\n`,
    );
    const r = await runOnPty(
      [
        process.execPath,
        '--',
        bin,
        'run',
        'greet',
        '--jobs-dir',
        dir.path,
        '--data-dir',
        join(dir.path, 'data'),
      ],
      [{ waitFor: 'Who to greet', send: '\u0003' }],
      {
        cwd: dir.path,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' },
        timeoutSeconds: 90,
      },
    );
    expect(r.sawAll, r.output).toBe(true);
    expect(r.code, r.output).toBe(130);
    expect(stripVTControlCharacters(r.output)).toMatch(/^cancelled$/m);
    expect(r.output).not.toContain('This is a bug');
    expect(r.output).not.toContain('hello');
  }, 120_000);
});
