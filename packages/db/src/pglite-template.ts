import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A PGlite data folder made by initdb once, at build time (`build-pglite-template.js`), and
 * copied into every new data folder: initdb in WebAssembly costs about 2.5 s and 800 MB, a
 * copy of its 39 MB about 0.4 s and nothing beyond the copy's buffers.
 */
export const templateDir = fileURLToPath(new URL('../dist/pglite-template', import.meta.url));

/** PostgreSQL's marker of an initialised data folder; copied last, so a cut copy is redone. */
const marker = 'PG_VERSION';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function listFiles(root: string, rel = ''): Promise<{ dirs: string[]; files: string[] }> {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const entry of await readdir(join(root, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name);
    if (entry.isDirectory()) {
      dirs.push(path);
      const inner = await listFiles(root, path);
      dirs.push(...inner.dirs);
      files.push(...inner.files);
    } else files.push(path);
  }
  return { dirs, files };
}

/**
 * The folders initdb makes that stay empty. npm does not pack empty folders, so an installed
 * package's template lacks them and PGlite would refuse the copy: they are made here.
 */
const emptyDataDirs = [
  'pg_commit_ts',
  'pg_dynshmem',
  'pg_logical/mappings',
  'pg_logical/snapshots',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat',
  'pg_stat_tmp',
  'pg_tblspc',
  'pg_twophase',
  'pg_wal/archive_status',
  'pg_wal/summaries',
];

/** Copy `from` into `to` (which exists), 16 files at a time, the marker file last. */
async function copyTree(from: string, to: string): Promise<void> {
  const { dirs, files } = await listFiles(from);
  for (const dir of [...dirs, ...emptyDataDirs])
    await mkdir(join(to, dir), { recursive: true, mode: 0o700 });
  const queue = files.filter((f) => f !== marker);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < queue.length) {
        const file = queue[next++]!;
        await copyFile(join(from, file), join(to, file));
      }
    }),
  );
  await copyFile(join(from, marker), join(to, marker));
}

/**
 * When `dataDir` holds no initialised database (new, or a copy cut short by a crash), fill
 * it from the template. Without a template (package not built) PGlite runs initdb itself.
 */
export async function copyTemplateIfNew(dataDir: string): Promise<void> {
  if (await exists(join(dataDir, marker))) return;
  if (!(await exists(join(templateDir, marker)))) return;
  await copyTree(templateDir, dataDir);
}

/** Build the template (package build step): initdb in a scratch folder, then move it in place. */
export async function buildTemplate(): Promise<string> {
  const scratch = `${templateDir}.building-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(scratch);
  await db.query('SELECT 1');
  await db.close();
  await rm(join(scratch, 'postmaster.pid'), { force: true });
  await rm(templateDir, { recursive: true, force: true });
  await rename(scratch, templateDir);
  return templateDir;
}
