import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { runCliAsync } from '@toolbelt/testkit';
import { bin, generateExample, terminalEnv } from './builders.js';

const dir = makeTempDir('support-rota-interrupt');
afterAll(() => dir.cleanup());

describe('Ctrl-C at the --replace-all confirmation, on a real terminal', () => {
  it('exits 130 with "cancelled" and leaves the calendar file as it was', async () => {
    const ics = join(dir.path, 'rota.ics');
    const first = await runCliAsync(bin, generateExample(1, ics), { cwd: dir.path });
    expect(first.status, first.stderr).toBe(0);
    const before = readFileSync(ics);
    const r = await runOnPty(
      [process.execPath, '--', bin, ...generateExample(2, ics, '--replace-all')],
      [{ waitFor: 'rota events?', send: '\u0003' }],
      {
        cwd: dir.path,
        env: terminalEnv,
      },
    );
    expect(r.sawAll, r.output).toBe(true);
    expect(r.code, r.output).toBe(130);
    expect(stripVTControlCharacters(r.output)).toMatch(/^cancelled$/m);
    expect(r.output).not.toContain('This is a bug');
    expect(r.output).not.toContain('force closed');
    expect(readFileSync(ics)).toEqual(before);
    expect(existsSync(`${ics}.lock`)).toBe(false);
  }, 120_000);
});
