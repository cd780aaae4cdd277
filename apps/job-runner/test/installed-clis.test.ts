import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverJobs, installedToolbeltFolders } from '../dist/adapters/job-library.js';

let dir: TempDir;

/** An installed Toolbelt CLI as npm lays it out: package.json, bin/run.js, its oclif manifest. */
function installCli(project: string, bin: string, commandId: string): void {
  const pkg = join(project, 'node_modules', '@toolbelt', bin);
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: `@toolbelt/${bin}`, version: '1.0.0', oclif: { bin } }),
  );
  writeFileSync(join(pkg, 'bin', 'run.js'), '#!/usr/bin/env node\n');
  writeFileSync(
    join(pkg, 'oclif.manifest.json'),
    JSON.stringify({
      commands: {
        [commandId]: {
          id: commandId,
          summary: `${bin} ${commandId}`,
          flags: { config: { name: 'config', type: 'option', summary: 'Config file.' } },
        },
      },
    }),
  );
}

beforeAll(() => {
  dir = makeTempDir('job-runner-installed');
  installCli(dir.path, 'rota-tool', 'generate');
  mkdirSync(join(dir.path, 'reports', 'daily'), { recursive: true });
});
afterAll(() => dir.cleanup());

describe('installed Toolbelt CLIs', () => {
  it('are found in the node_modules of the working directory and of the folders above it', async () => {
    for (const cwd of [dir.path, join(dir.path, 'reports', 'daily')]) {
      const library = await discoverJobs({ dirs: [], cwd });
      const job = library.jobs.find((j) => j.name === 'rota-tool generate');
      expect(job?.kind).toBe('toolbelt');
      expect(job?.path).toBe(
        join(dir.path, 'node_modules', '@toolbelt', 'rota-tool', 'bin', 'run.js'),
      );
      expect(job?.fields.map((f) => f.name)).toEqual(['config']);
    }
  });

  it('are not listed when the Toolbelt scan is off', async () => {
    const library = await discoverJobs({ dirs: [], cwd: dir.path, toolbelt: false });
    expect(library.jobs).toEqual([]);
  });

  it('search nearest first, then the @toolbelt folder the job runner is installed in', () => {
    expect(
      installedToolbeltFolders('/srv/app/jobs', '/usr/lib/node_modules/@toolbelt/job-runner'),
    ).toEqual([
      '/srv/app/jobs/node_modules/@toolbelt',
      '/srv/app/node_modules/@toolbelt',
      '/srv/node_modules/@toolbelt',
      '/node_modules/@toolbelt',
      '/usr/lib/node_modules/@toolbelt',
    ]);
    expect(installedToolbeltFolders('/srv/app', '/work/main/apps/job-runner')).toEqual([
      '/srv/app/node_modules/@toolbelt',
      '/srv/node_modules/@toolbelt',
      '/node_modules/@toolbelt',
    ]);
  });
});
