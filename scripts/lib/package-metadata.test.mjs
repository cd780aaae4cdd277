// scripts/package-metadata.mjs writes only publishing metadata, never dependencies.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { missingMetadata, withMetadata } from '../package-metadata.mjs';

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const app = {
  name: '@toolbelt/some-tool',
  version: '1.2.3',
  description: 'A tool.',
  type: 'module',
  bin: { 'some-tool': './bin/run.js' },
  files: ['bin', 'dist', 'oclif.manifest.json'],
  scripts: { build: 'tsc' },
  dependencies: { '@toolbelt/errors': 'workspace:*', zod: '4.6.7' },
  devDependencies: { '@toolbelt/testkit': 'workspace:*' },
};

describe('package metadata', () => {
  it('sets the publishing keys of an app and leaves everything else as it was', () => {
    const out = withMetadata(app, 'apps/some-tool');
    assert.deepEqual(out.dependencies, app.dependencies);
    assert.deepEqual(out.devDependencies, app.devDependencies);
    assert.deepEqual(out.scripts, app.scripts);
    assert.equal(out.version, '1.2.3');
    assert.equal(out.license, 'MIT');
    assert.equal(out.repository.directory, 'apps/some-tool');
    assert.deepEqual(out.publishConfig, { access: 'public' });
    // bin/dev.js and source maps stay out; PGlite's pg_filenode.map files are not source maps.
    assert.deepEqual(out.files, [
      'bin/run.js',
      'dist',
      'oclif.manifest.json',
      'CHANGELOG.md',
      '!dist/**/*.js.map',
      '!dist/**/*.d.ts.map',
      '!dist/**/*.test.*',
    ]);
    assert.deepEqual(out.exports, { './package.json': './package.json' });
    // Keys it already had keep their place; new ones follow the description.
    const keys = Object.keys(out);
    assert.deepEqual(keys.slice(0, 4), ['name', 'version', 'description', 'license']);
    assert.ok(keys.indexOf('files') > keys.indexOf('bin'));
    // Running it again changes nothing.
    assert.deepEqual(withMetadata(out, 'apps/some-tool'), out);
  });

  it('keeps a private package unpublished', () => {
    const out = withMetadata({ name: '@toolbelt/testkit', private: true }, 'packages/testkit');
    assert.equal(out.private, true);
    assert.equal(out.publishConfig, undefined);
  });

  it('names what a public package lacks, README included', () => {
    const base = mkdtempSync(join(tmpdir(), 'toolbelt-meta-'));
    dirs.push(base);
    mkdirSync(join(base, 'packages', 'thing'), { recursive: true });
    const bare = { name: '@toolbelt/thing', version: '1.0.0' };
    assert.deepEqual(missingMetadata(bare, 'packages/thing', base), [
      'files',
      'exports',
      'engines',
      'license',
      'repository',
      'README.md',
      'files (stale)',
    ]);
    writeFileSync(join(base, 'packages', 'thing', 'README.md'), '# thing\n');
    assert.deepEqual(
      missingMetadata(withMetadata(bare, 'packages/thing'), 'packages/thing', base),
      [],
    );
  });
});
