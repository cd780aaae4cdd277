#!/usr/bin/env node
// Sets the publishing metadata of every workspace package (apps/* and packages/*, as present at
// run time): license, repository, homepage, bugs, engines, files, exports of ./package.json,
// publishConfig. Only those keys are written; dependencies, scripts and everything else are
// left as they are, and each package.json is re-read right before it is written, so edits
// that others make to dependencies at the same time are kept.
//
//   node scripts/package-metadata.mjs          write the metadata
//   node scripts/package-metadata.mjs --check  exit 1 and name what is missing, write nothing
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const repositoryUrl = rootManifest.repository?.url ?? rootManifest.repository;
const webUrl = String(repositoryUrl)
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** The workspace packages present now: `{ dir, file }` for apps/* and packages/*. */
export function workspacePackages(base = root) {
  return ['apps', 'packages'].flatMap((group) => {
    const groupDir = join(base, group);
    if (!existsSync(groupDir)) return [];
    return readdirSync(groupDir, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(groupDir, entry.name, 'package.json')),
      )
      .map((entry) => ({
        dir: `${group}/${entry.name}`,
        file: join(groupDir, entry.name, 'package.json'),
      }));
  });
}

/** The metadata keys of one package, given its manifest and its folder in the repository. */
export function metadataFor(manifest, dir) {
  const isApp = manifest.bin !== undefined;
  const files = isApp
    ? [
        ...Object.values(manifest.bin).map((bin) => bin.replace(/^\.\//, '')),
        'dist',
        // Static files an app serves at run time (job-runner's web UI).
        ...(existsSync(join(root, dir, 'public')) ? ['public'] : []),
        ...(manifest.files ?? []).filter(
          (f) =>
            !['bin', 'dist', 'public', 'CHANGELOG.md'].includes(f) &&
            !f.startsWith('!') &&
            !f.startsWith('bin/'),
        ),
      ]
    : [
        'dist',
        ...(manifest.files ?? []).filter(
          (f) => f !== 'dist' && f !== 'CHANGELOG.md' && !f.startsWith('!'),
        ),
      ];
  const wanted = {
    license: 'MIT',
    repository: { type: 'git', url: repositoryUrl, directory: dir },
    homepage: `${webUrl}/tree/main/${dir}#readme`,
    bugs: { url: `${webUrl}/issues` },
    engines: { ...manifest.engines, node: rootManifest.engines.node },
    files: [
      ...new Set([...files, 'CHANGELOG.md']),
      '!dist/**/*.js.map',
      '!dist/**/*.d.ts.map',
      '!dist/**/*.test.*',
    ],
    exports: { ...(manifest.exports ?? {}), './package.json': './package.json' },
  };
  if (manifest.private !== true) wanted.publishConfig = { access: 'public' };
  return wanted;
}

/**
 * `manifest` with the metadata keys set: keys it has keep their place, new ones go right after
 * `description`; every other key keeps its value and its order.
 */
export function withMetadata(manifest, dir) {
  const wanted = metadataFor(manifest, dir);
  const out = {};
  for (const [key, value] of Object.entries(manifest)) {
    out[key] = key in wanted ? wanted[key] : value;
    if (key === 'description')
      for (const [k, v] of Object.entries(wanted)) if (!(k in manifest)) out[k] = v;
  }
  for (const [key, value] of Object.entries(wanted)) if (!(key in out)) out[key] = value;
  return out;
}

/** What a package still lacks for publishing (empty when it is ready). */
export function missingMetadata(manifest, dir, base = root) {
  if (manifest.private === true) return [];
  const missing = [];
  for (const key of ['files', 'exports', 'engines', 'license', 'repository'])
    if (manifest[key] === undefined) missing.push(key);
  if (!existsSync(join(base, dir, 'README.md'))) missing.push('README.md');
  const wanted = metadataFor(manifest, dir);
  if (JSON.stringify(wanted.files) !== JSON.stringify(manifest.files))
    missing.push('files (stale)');
  return missing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let problems = 0;
  for (const { dir, file } of workspacePackages()) {
    // Re-read right before writing: another edit may have landed since the last look.
    const text = readFileSync(file, 'utf8');
    const manifest = JSON.parse(text);
    if (check) {
      const missing = missingMetadata(manifest, dir);
      if (missing.length > 0) {
        problems++;
        console.log(`${manifest.name} (${dir}): missing ${missing.join(', ')}`);
      }
      continue;
    }
    const next = JSON.stringify(withMetadata(manifest, dir), null, 2) + '\n';
    if (next !== text) {
      writeFileSync(file, next);
      console.log(`updated ${dir}/package.json`);
    }
  }
  if (check && problems === 0) console.log('Every public package has its publishing metadata.');
  process.exit(problems > 0 ? 1 : 0);
}
