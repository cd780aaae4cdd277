import { readdir, rm, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ioError, makeDir, writeFileAtomic } from '@toolbelt/lock';
import type { SheetCell } from '../core/cell-text.js';

/** A tab's content as it was before a sync wrote to it. */
export interface TabSnapshot {
  /** Spreadsheet link or workbook path. */
  location: string;
  tab: string;
  /** When the copy was taken (ISO time). */
  takenAt: string;
  /** The tab's cells from A1. */
  values: SheetCell[][];
}

/** Where the sync keeps copies of the tracker tab before writing. */
export interface BackupStore {
  /** The folder the copies go to (absolute): a local target of the run, locked while it runs. */
  readonly location: string;
  /** Saves a copy and returns its path; older copies of the same tab beyond the limit are removed. */
  save(snapshot: TabSnapshot): Promise<string>;
  /** Reads a copy back. */
  load(path: string): Promise<TabSnapshot>;
}

/** Options of the backup folder. */
export interface BackupFolderOptions {
  /** Folder for the copies (default `backups`, relative to the working directory). */
  dir?: string;
  /** Copies kept per tab (default 10). */
  keep?: number;
}

const PREFIX = 'tech-tracker_';
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function slug(tab: string): string {
  return tab.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
}

/** `2023-07-15_10-31-05-123` in UTC, so that names sort by time. */
function timeName(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}_${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}`;
}

/**
 * Backups as JSON files named `tech-tracker_{tab}_{UTC time}.json`. Only files matching that
 * pattern for the same tab are pruned; anything else in the folder is left alone.
 */
export function createBackupFolder(options: BackupFolderOptions = {}): BackupStore {
  const dir = resolve(options.dir ?? 'backups');
  const keep = options.keep ?? 10;
  return {
    location: dir,
    // A read-only or full folder is IOERR (74) naming it, before the tracker is touched; the
    // copy is written whole or not at all (temp file + rename, under the run's folder lock).
    async save(snapshot) {
      const prefix = `${PREFIX}${slug(snapshot.tab)}_`;
      let name = `${prefix}${timeName(snapshot.takenAt)}.json`;
      let existing: Set<string>;
      try {
        await makeDir(dir);
        existing = new Set(await readdir(dir));
      } catch (error) {
        throw ioError(error, dir, 'write');
      }
      for (let n = 2; existing.has(name); n++)
        name = `${prefix}${timeName(snapshot.takenAt)}-${n}.json`;
      const path = join(dir, name);
      await writeFileAtomic(path, JSON.stringify(snapshot) + '\n', { mkdir: false });
      const pattern = new RegExp(
        `^${prefix.replace(/[-]/g, '\\-')}\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}-\\d{3}(-\\d+)?\\.json$`,
      );
      const copies = (await readdir(dir)).filter((f) => pattern.test(f)).sort();
      for (const old of copies.slice(0, Math.max(0, copies.length - keep)))
        await rm(join(dir, old), { force: true });
      return path;
    },
    async load(path) {
      return JSON.parse(await readFile(path, 'utf8')) as TabSnapshot;
    },
  };
}
