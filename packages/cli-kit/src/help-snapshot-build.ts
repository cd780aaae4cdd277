#!/usr/bin/env node
/**
 * `toolbelt-help-snapshot` (run by each app's build after `oclif manifest`): renders the help
 * of the root, every topic and every command, in en and ru, with the app's real oclif help
 * class, and stores it in dist/help-snapshot.json for `printPrebuiltHelp`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  HELP_SNAPSHOT_COLUMNS,
  HELP_SNAPSHOT_FILE,
  PLATFORM,
  PLATFORM_PLACEHOLDER,
  type HelpSnapshot,
} from './fast-help.js';

const run = promisify(execFile);
const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, { hidden?: boolean }>;
};
const ids = new Set<string>(['']);
for (const [id, command] of Object.entries(manifest.commands)) {
  if (command.hidden) continue;
  const parts = id.split(':');
  for (let i = 1; i <= parts.length; i++) ids.add(parts.slice(0, i).join(':'));
}
const bin = join(root, 'bin', 'run.js');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  OCLIF_COLUMNS: String(HELP_SNAPSHOT_COLUMNS),
  NO_COLOR: '1',
};
delete env.LANG;
delete env.LC_ALL;
delete env.TOOLBELT_LANG;

const jobs: [string, string[]][] = [];
for (const lang of ['en', 'ru'])
  for (const id of ids)
    jobs.push([`${lang}:${id}`, [...(id ? id.split(':') : []), '--help', '--lang', lang]]);

const snapshot: HelpSnapshot = {};
const queue = [...jobs];
await Promise.all(
  [0, 1, 2].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [key, args] = job;
      const { stdout } = await run(process.execPath, [bin, ...args], {
        cwd: root,
        env,
        maxBuffer: 16 * 1024 * 1024,
      });
      // The VERSION section names the platform: filled in when printed, not frozen at build.
      snapshot[key] = stdout.split(PLATFORM).join(PLATFORM_PLACEHOLDER);
    }
  }),
);
writeFileSync(
  join(root, HELP_SNAPSHOT_FILE),
  JSON.stringify(snapshot, Object.keys(snapshot).sort()) + '\n',
);
console.log(`wrote ${Object.keys(snapshot).length} help pages to ${HELP_SNAPSHOT_FILE}`);
