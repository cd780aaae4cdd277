import { existsSync } from 'node:fs';
import { access, readFile, readdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { documentedEnvNames, fieldsFromFlags, type ManifestCommand } from '../core/cli-jobs.js';
import {
  checkJobMetadata,
  type JobDefinition,
  type MetadataProblem,
} from '../core/job-metadata.js';
import { isTypeScriptModule, registerJobResolution, registerTypeScript } from './job-resolve.js';

/** Where to look for jobs. */
export interface LibraryOptions {
  /** Folders of job modules and sidecar-described executables. */
  dirs: readonly string[];
  /** List the other Toolbelt CLIs as jobs (default true). */
  toolbelt?: boolean;
  /** Folder to search for `node_modules/@toolbelt/*` CLIs (default the working directory). */
  cwd?: string;
}

/** The jobs found and, for `doctor`, every candidate that is not a job and why. */
export interface JobLibrary {
  jobs: JobDefinition[];
  problems: MetadataProblem[];
}

const javaScriptExtensions = new Set(['.mjs', '.js']);

/** A job module file: JavaScript, or TypeScript (`.ts`/`.mts`, declaration files excepted). */
function isModuleFile(name: string): boolean {
  return javaScriptExtensions.has(name.slice(name.lastIndexOf('.'))) || isTypeScriptModule(name);
}
const sidecarSuffix = '.job.json';

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The first line of a load error, and the next one when the first only announces it (a
 * TypeScript syntax error reads "Transform failed with 1 error:" then "file:line:col: ERROR: ...").
 */
function loadErrorSummary(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines[0] ?? 'unknown error';
  return first.endsWith(':') && lines[1] ? `${first} ${lines[1]}` : first;
}

async function readModuleJob(path: string): Promise<JobDefinition | MetadataProblem> {
  let mod: Record<string, unknown>;
  try {
    if (isTypeScriptModule(path)) await registerTypeScript();
    else registerJobResolution();
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    return { path, problems: [`cannot be loaded: ${loadErrorSummary(error)}`] };
  }
  const source = (
    mod.metadata === undefined && typeof mod.default === 'object' ? mod.default : mod
  ) as Record<string, unknown>;
  const check = checkJobMetadata(source.metadata);
  const problems = check.ok ? [] : [...check.problems];
  if (typeof source.run !== 'function') problems.push('run: no exported run(params, ctx) function');
  if (!check.ok || problems.length > 0) return { path, problems };
  return {
    name: check.name,
    description: check.description,
    fields: check.fields,
    kind: 'module',
    path,
    timeoutSeconds: check.timeoutSeconds || undefined,
    concurrency: check.concurrency || undefined,
    env: check.env,
  };
}

async function readSidecarJob(sidecar: string): Promise<JobDefinition | MetadataProblem> {
  const executable = sidecar.slice(0, -sidecarSuffix.length);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(sidecar, 'utf8')) as unknown;
  } catch (error) {
    return { path: sidecar, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const check = checkJobMetadata(raw);
  const problems = check.ok ? [] : [...check.problems];
  if (!(await isExecutable(executable)))
    problems.push(`${basename(executable)}: no executable file next to the sidecar`);
  if (!check.ok || problems.length > 0) return { path: sidecar, problems };
  return {
    name: check.name,
    description: check.description,
    fields: check.fields,
    kind: 'executable',
    path: executable,
    timeoutSeconds: check.timeoutSeconds || undefined,
    concurrency: check.concurrency || undefined,
    env: check.env,
  };
}

async function scanFolder(dir: string, out: JobLibrary): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    out.problems.push({ path: dir, problems: ['job folder not found'] });
    return;
  }
  const sidecarTargets = new Set(
    names.filter((n) => n.endsWith(sidecarSuffix)).map((n) => n.slice(0, -sidecarSuffix.length)),
  );
  for (const name of names) {
    if (name.startsWith('.') || name.startsWith('_')) continue;
    const path = join(dir, name);
    let found: JobDefinition | MetadataProblem | undefined;
    if (name.endsWith(sidecarSuffix)) found = await readSidecarJob(path);
    else if (!sidecarTargets.has(name) && isModuleFile(name)) found = await readModuleJob(path);
    if (!found) continue;
    if ('problems' in found) out.problems.push(found);
    else out.jobs.push(found);
  }
}

/** The workspace root above the job runner's package (where `pnpm-workspace.yaml` is), if any. */
function workspaceRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Folders that may hold installed Toolbelt CLIs, nearest first: `node_modules/@toolbelt` in
 * `cwd` and in each folder above it (the folders Node resolves packages from), then the
 * `@toolbelt` folder the job runner itself is installed in (a global or npx install, where the
 * other tools are its siblings).
 */
export function installedToolbeltFolders(cwd: string, selfPackageDir: string): string[] {
  const folders: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    folders.push(join(dir, 'node_modules', '@toolbelt'));
    if (dirname(dir) === dir) break;
  }
  const parent = dirname(resolve(selfPackageDir));
  if (basename(parent) === '@toolbelt' && !folders.includes(parent)) folders.push(parent);
  return folders;
}

/** This package's folder (dist/adapters/job-library.js or src/adapters/job-library.ts, two up). */
const selfPackageDir = fileURLToPath(new URL('../..', import.meta.url));

async function appFolders(cwd: string): Promise<string[]> {
  const folders = new Set<string>();
  const root = workspaceRoot();
  const collect = async (parent: string) => {
    try {
      for (const name of (await readdir(parent)).sort()) folders.add(resolve(parent, name));
    } catch {
      // No such folder: nothing to list from it.
    }
  };
  if (root) await collect(join(root, 'apps'));
  for (const parent of installedToolbeltFolders(cwd, selfPackageDir)) await collect(parent);
  return [...folders];
}

async function scanToolbeltClis(cwd: string, out: JobLibrary): Promise<void> {
  const seen = new Set<string>();
  for (const folder of await appFolders(cwd)) {
    let pkg: { name?: string; oclif?: { bin?: string }; bin?: Record<string, string> };
    try {
      pkg = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as typeof pkg;
    } catch {
      continue;
    }
    const bin = pkg.oclif?.bin;
    if (!bin || bin === 'job-runner' || seen.has(bin)) continue;
    seen.add(bin);
    const runJs = join(folder, 'bin', 'run.js');
    let manifest: { commands?: Record<string, ManifestCommand> };
    try {
      manifest = JSON.parse(
        await readFile(join(folder, 'oclif.manifest.json'), 'utf8'),
      ) as typeof manifest;
    } catch {
      out.problems.push({
        path: folder,
        problems: [
          `${bin}: no oclif.manifest.json (build it with pnpm --filter ${pkg.name ?? bin} build)`,
        ],
      });
      continue;
    }
    const env = documentedEnvNames(
      await readFile(join(folder, 'README.md'), 'utf8').catch(() => ''),
    );
    for (const command of Object.values(manifest.commands ?? {})) {
      if (command.hidden) continue;
      const words = command.id.split(':');
      out.jobs.push({
        name: `${bin} ${words.join(' ')}`,
        description: command.summary ?? command.description ?? `${bin} ${words.join(' ')}`,
        fields: fieldsFromFlags(command.flags ?? {}),
        kind: 'toolbelt',
        path: runJs,
        commandWords: words,
        env,
      });
    }
  }
}

/**
 * Scan the job folders (modules exporting `metadata` and `run`, executables with a
 * `<name>.job.json` sidecar) and the other Toolbelt CLIs. A candidate with incomplete metadata
 * is left out and reported in `problems`; a name used twice keeps the first.
 */
export async function discoverJobs(options: LibraryOptions): Promise<JobLibrary> {
  const library: JobLibrary = { jobs: [], problems: [] };
  for (const dir of options.dirs) await scanFolder(resolve(dir), library);
  if (options.toolbelt !== false) await scanToolbeltClis(resolve(options.cwd ?? '.'), library);
  const byName = new Map<string, JobDefinition>();
  for (const job of library.jobs) {
    const first = byName.get(job.name);
    if (first)
      library.problems.push({
        path: job.path,
        problems: [`name "${job.name}" already used by ${first.path}`],
      });
    else byName.set(job.name, job);
  }
  return { jobs: [...byName.values()], problems: library.problems };
}

/** One job by name. */
export function findJob(library: JobLibrary, name: string): JobDefinition | undefined {
  return library.jobs.find((job) => job.name === name);
}
