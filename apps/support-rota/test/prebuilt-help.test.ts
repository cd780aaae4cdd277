import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '@toolbelt/testkit';
import { describe, expect, it } from 'vitest';
import { bin } from './builders.js';

describe('help answered from the build-time snapshot', () => {
  it('prints exactly what oclif prints, in both languages', () => {
    const snapshot = JSON.parse(
      readFileSync(join(dirname(dirname(bin)), 'dist', 'help-snapshot.json'), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(snapshot).sort()).toEqual(['en:', 'en:generate', 'ru:', 'ru:generate']);
    for (const args of [
      ['--help'],
      ['generate', '--help'],
      ['generate', '--help', '--lang', 'ru'],
    ]) {
      const fast = runCli(bin, args);
      // OCLIF_COLUMNS makes bin/run.js skip the snapshot and render with oclif.
      const oclif = runCli(bin, args, { env: { OCLIF_COLUMNS: '80' } });
      expect(fast.status).toBe(0);
      expect(fast.stdout).toBe(oclif.stdout);
      expect(fast.stdout).not.toContain('{{platform}}');
    }
  });
});
