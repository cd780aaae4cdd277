import { mkdir, readFile, readdir, rename, rm, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { assertValidKey, type BlobStore } from './blob-store.js';
import { messages } from './i18n/index.js';

/** Options of `createLocalBlobStore`. */
export interface LocalBlobStoreOptions {
  /** Folder holding the objects (default `.objects` in the working directory). */
  dir?: string;
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && !entry.name.endsWith('.partial')) out.push(path);
  }
  return out;
}

/** The embedded object store: one file per key under a folder (`.objects/` by default). */
export function createLocalBlobStore(options: LocalBlobStoreOptions = {}): BlobStore {
  const root = resolve(options.dir ?? '.objects');
  const pathOf = (key: string): string => {
    assertValidKey(key);
    return join(root, ...key.split('/'));
  };
  return {
    location: root,
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a reader never sees half an object.
      const partial = `${path}.${process.pid}.partial`;
      await writeFile(partial, body);
      await rename(partial, path);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw messages.error('DATA', 'errors.objectMissing', { key }, { cause: error });
        throw error;
      }
    },
    async list(prefix) {
      const files = await walk(root);
      return files
        .map((file) => relative(root, file).split(sep).join('/'))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async check() {
      await mkdir(root, { recursive: true });
      await access(root, constants.W_OK);
    },
  };
}
