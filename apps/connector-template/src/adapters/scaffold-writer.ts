import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ScaffoldPlan } from '../core/scaffold.js';

/** True when `dir` exists with something in it. */
export function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** Writes the planned files under `dir` and adds (or replaces) the entry in `registryFile`. */
export async function writeScaffold(
  plan: ScaffoldPlan,
  dir: string,
  registryFile: string,
): Promise<void> {
  for (const [path, content] of Object.entries(plan.files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const existing = existsSync(registryFile)
    ? (parse(await readFile(registryFile, 'utf8')) as unknown)
    : [];
  const list = Array.isArray(existing) ? (existing as { connector_id?: string }[]) : [];
  const modulePath = relative(dirname(registryFile), join(dir, 'dist', 'index.js'))
    .split('\\')
    .join('/');
  const entry = {
    ...plan.registryEntry,
    module: modulePath.startsWith('.') ? modulePath : `./${modulePath}`,
  };
  const next = [...list.filter((e) => e.connector_id !== entry.connector_id), entry];
  await mkdir(dirname(registryFile), { recursive: true });
  await writeFile(registryFile, stringify(next));
}
