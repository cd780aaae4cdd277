import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(app, 'bin', 'run.js');

describe('help answered from the build-time snapshot', () => {
  it('prints exactly what oclif prints, in both languages', () => {
    const snapshot = JSON.parse(
      readFileSync(join(app, 'dist', 'help-snapshot.json'), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(snapshot).sort()).toEqual(['en:', 'en:generate', 'ru:', 'ru:generate']);
    for (const args of [
      ['--help'],
      ['generate', '--help'],
      ['generate', '--help', '--lang', 'ru'],
    ]) {
      const env = { PATH: process.env.PATH ?? '' };
      const fast = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
      // OCLIF_COLUMNS makes bin/run.js skip the snapshot and render with oclif.
      const oclif = spawnSync(process.execPath, [bin, ...args], {
        encoding: 'utf8',
        env: { ...env, OCLIF_COLUMNS: '80' },
      });
      expect(fast.status).toBe(0);
      expect(fast.stdout).toBe(oclif.stdout);
      expect(fast.stdout).not.toContain('{{platform}}');
    }
  });
});
