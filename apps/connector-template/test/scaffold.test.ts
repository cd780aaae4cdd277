import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toNewJob } from '@toolbelt/connector';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { runJob } from '../src/run-job.js';
import { MASTER_HASH, captureLogger, depsOf, runSettingsOf } from './helpers.js';

const app = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
// Inside the app, so the scaffold resolves @toolbelt/connector, typescript and vitest as a
// package of this workspace would.
const work = mkdtempSync(join(app, '.scaffold-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[]) => runCliAsync(join(app, 'bin/run.js'), args, { cwd: work });
/** Runs a node script (tsc, vitest) in `cwd`; its output when it fails. */
async function node(script: string, args: string[], cwd: string, env = {}) {
  const r = await runCliAsync(script, args, { cwd, env });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return r;
}
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');

describe('connector-template new', () => {
  for (const kind of ['source', 'destination'] as const) {
    it(`scaffolds a ${kind} connector that builds and passes its own test`, async () => {
      const name = `acme-${kind}`;
      expect((await cli(['new', name, '--kind', kind])).status).toBe(0);
      const dir = join(work, name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(pkg.dependencies['@toolbelt/connector']).toBe('workspace:*');
      await node(tsc, ['-p', 'tsconfig.build.json'], dir);
      await node(tsc, ['-p', 'tsconfig.json'], dir);
      const test = await node(vitest, ['run'], dir, { CI: 'true' });
      expect(test.stdout).toMatch(/Tests\s+4 passed/);
      const registry = parse(readFileSync(join(work, 'connectors.yaml'), 'utf8')) as {
        connector_id: string;
        module: string;
      }[];
      expect(registry.find((e) => e.connector_id === name)).toEqual({
        connector_id: name,
        credentials: [],
        env: [],
        module: `./${name}/dist/index.js`,
      });
    }, 180_000);
  }

  it('runs a job whose source is the scaffolded connector, found through the registry', async () => {
    const env = { MASTER_HASH, PGLITE_DIR: 'memory://', OBJECTS_DIR: join(work, 'objects') };
    const deps = await depsOf(env, work);
    try {
      const out = join(work, 'out.csv');
      const jobId = await (
        await deps.jobs()
      ).addJob(
        toNewJob(
          {
            name: 'Scaffold to CSV',
            source: { connector: 'acme-source', object: 'people' },
            destination: { connector: 'csv', object: out },
            mapping: [
              { column: 'ID', mapped: 'id' },
              { column: 'NAME', mapped: 'name' },
            ],
          },
          MASTER_HASH,
        ),
      );
      const { logger } = captureLogger();
      const result = await runJob({ ...deps, logger }, runSettingsOf(env, jobId));
      expect(result.stages.map((s) => s.message)).toEqual([
        'Successfully ran acme-source connector.\nColumns affected: 2\nRows affected: 2\n',
        'Successfully ran CSV file connector.\nColumns affected: 2\nRows affected: 2\n',
      ]);
      expect(readFileSync(out, 'utf8')).toBe('ID,NAME\n1,Ann\n2,Bob\n');
    } finally {
      await deps.close();
    }
  }, 120_000);

  it('refuses a bad name and an existing folder', async () => {
    const bad = await cli(['new', 'Bad_Name', '--kind', 'source']);
    expect(bad).toMatchObject({ status: 64 });
    expect(bad.stderr).toContain("'Bad_Name' is not a connector name");
    const exists = await cli(['new', 'acme-source', '--kind', 'source', '--lang', 'ru']);
    expect(exists).toMatchObject({ status: 64 });
    expect(exists.stderr).toMatch(/Папка .*acme-source уже существует и не пуста\./);
  }, 60_000);
});
