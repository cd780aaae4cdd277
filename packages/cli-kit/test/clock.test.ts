import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '@toolbelt/testkit';

const bin = join(dirname(fileURLToPath(import.meta.url)), 'fixture', 'bin', 'run.js');

function run(args: string[], env: Record<string, string>, dotenv?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'kit-clock-'));
  if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
  return { ...runCli(bin, args, { cwd, env: { HOME: cwd, ...env }, timeoutMs: 60_000 }), cwd };
}

describe('TOOLBELT_NOW', () => {
  it('from .env: the run starts at that instant, and the log file is named and stamped by it', () => {
    const r = run(
      ['ok', '--name', 'Ann'],
      { TZ: 'America/Los_Angeles' },
      'TOOLBELT_NOW=2023-01-05T14:07:00-08:00\n',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(r.cwd, '.logs'))).toEqual(['2023-01-05_14-07.log']);
    const lines = readFileSync(join(r.cwd, '.logs', '2023-01-05_14-07.log'), 'utf8')
      .trim()
      .split('\n');
    // The clock runs on from the instant: every line is within that hour.
    for (const line of lines) expect(line).toMatch(/^\[[^\]]+\] \[2023-01-05 14:\d{2}:\d{2}\] /);
  });

  it("refuses a time without an offset with exit 78, in the user's language", () => {
    const en = run(['ok', '--name', 'Ann'], { TOOLBELT_NOW: '2023-01-05T14:07:00' });
    expect(en.status).toBe(78);
    expect(en.stderr).toContain(
      'TOOLBELT_NOW must be an ISO 8601 instant with an offset, e.g. 2023-01-05T14:07:00-08:00; got "2023-01-05T14:07:00".',
    );
    const ru = run(['ok', '--name', 'Ann', '--lang', 'ru'], { TOOLBELT_NOW: 'завтра' });
    expect(ru.status).toBe(78);
    expect(ru.stderr).toContain('TOOLBELT_NOW должна быть моментом времени ISO 8601 со смещением');
  });
});
