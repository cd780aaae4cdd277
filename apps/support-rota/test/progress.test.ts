import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { runCliAsync } from '@toolbelt/testkit';
import { bin, generateExample, terminalEnv as env } from './builders.js';

const dir = makeTempDir('support-rota-progress');
afterAll(() => dir.cleanup());

describe('calendar writes show a progress bar', () => {
  it('on a terminal: every change written', async () => {
    const args = generateExample(2, join(dir.path, 'bar.ics'));
    const r = await runOnPty([process.execPath, '--', bin, ...args], [], { cwd: dir.path, env });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/calendar \[█+\] (\d+)\/\1 100%/);
  }, 120_000);

  it('not without a terminal, nor with --json on one', async () => {
    const args = generateExample(2, join(dir.path, 'plain.ics'));
    const piped = await runCliAsync(bin, args, { cwd: dir.path });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('calendar [');
    const jsonArgs = generateExample(2, join(dir.path, 'json.ics'), '--json');
    const json = await runOnPty([process.execPath, '--', bin, ...jsonArgs], [], {
      cwd: dir.path,
      env,
    });
    expect(json.code, json.output).toBe(0);
    expect(json.output).not.toContain('calendar [');
  }, 120_000);
});
