import type { ConnectorKind } from '@toolbelt/connector';

/** Input of `planScaffold`. */
export interface ScaffoldRequest {
  name: string;
  kind: ConnectorKind;
  /** Dependency spec of `@toolbelt/connector` (`workspace:*` inside the monorepo, else a version range). */
  sdkVersion: string;
}

/** Files of a new connector package (relative paths -> contents) and its registry entry. */
export interface ScaffoldPlan {
  files: Record<string, string>;
  registryEntry: { connector_id: string; credentials: string[]; env: string[]; module: string };
}

/** Connector names: lower-case words joined by dashes (`salesforce`, `google-ads`). */
export function isValidConnectorName(name: string): boolean {
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) && name.length <= 60;
}

const pascal = (name: string): string =>
  name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

function sourceCode(id: string, cls: string): string {
  return `import { SourceConnector, type Row } from '@toolbelt/connector';

/** The ${id} source: reads rows and hands them to uploadRows(). */
export class ${cls} extends SourceConnector {
  static override connectorId = '${id}';

  override async run(): Promise<void> {
    await this.logInfo(\`Reading \${this.sourceColumns.join(', ')} from \${this.object}\`);
    // Replace with the real read: call your API with this.credentials, page by page,
    // and upload each page as it arrives so memory stays flat.
    const rows: Row[] = [{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }];
    await this.uploadRows(rows);
  }
}

export const connector = ${cls};
`;
}

function destinationCode(id: string, cls: string): string {
  return `import { DestinationConnector, type Row } from '@toolbelt/connector';

/** The ${id} destination: loads each batch of rows. */
export class ${cls} extends DestinationConnector {
  static override connectorId = '${id}';
  /** Where the rows went (replace with the real write). */
  readonly loaded: Row[] = [];

  override async run(): Promise<void> {
    await this.runBatches();
  }

  override async clear(): Promise<void> {
    // Replace job: empty the destination object (this.object) here.
    this.loaded.length = 0;
  }

  override async batch(rows: Row[]): Promise<number> {
    // Rows are keyed by this.destinationColumns; write them to this.object.
    this.loaded.push(...rows);
    return rows.length;
  }
}

export const connector = ${cls};
`;
}

function testCode(id: string, cls: string, kind: ConnectorKind): string {
  const body =
    kind === 'source'
      ? `    const outcome = await runConnector({ kind: 'source', connector: ${cls}, env, registry, jobs, store, logger });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.message).toBe('Successfully ran ${id} connector.\\nColumns affected: 2\\nRows affected: 2\\n');
    expect(await store.list('etlJobHistory/')).toEqual([\`etlJobHistory/e\${outcome.historyId}-b0.json\`]);`
      : `    const historyId = await jobs.createHistory(jobId);
    await store.put(\`etlJobHistory/e\${historyId}-b0.json\`, JSON.stringify([{ id: '1', name: 'Ann' }]));
    const outcome = await runConnector({ kind: 'destination', connector: ${cls}, env, registry, jobs, store, logger, historyId });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.message).toBe('Successfully ran ${id} connector.\\nColumns affected: 2\\nRows affected: 1\\n');`;
  return `import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@toolbelt/log';
import { createLocalBlobStore, createMemoryJobStore, parseRegistry, runConnector } from '@toolbelt/connector';
import { ${cls} } from './index.js';

const dir = mkdtempSync(join(tmpdir(), '${id}-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('${id} connector', () => {
  it('runs through the connector life cycle', async () => {
    const jobs = createMemoryJobStore();
    const jobId = await jobs.addJob({
      name: 'Test job',
      source: { connector: '${id}', object: 'people', options: {}, encryptedCredentials: null },
      destination: { connector: '${id}', object: 'people', options: {}, encryptedCredentials: null },
      mapping: [{ column: 'id', mapped: 'id' }, { column: 'name', mapped: 'name' }],
      filterColumn: null, startSelection: null, startValue: null, endSelection: null, endValue: null,
      timezoneOffset: 0, updateMethod: 1,
    });
    const env = { JOB_ID: String(jobId), MASTER_HASH: 'test-master-hash' };
    const registry = parseRegistry([{ connector_id: '${id}', credentials: [] }]);
    const store = createLocalBlobStore({ dir });
    const logger = createLogger({ name: '${id}', consoleLevel: 'silent' });
${body}
  });
});
`;
}

/** Plans a new connector package `name` of `kind`: code with `run()`, a test, a README. */
export function planScaffold(request: ScaffoldRequest): ScaffoldPlan {
  const { name, kind } = request;
  const cls = `${pascal(name)}${kind === 'source' ? 'Source' : 'Destination'}`;
  const packageJson = {
    name: `connector-${name}`,
    version: '0.1.0',
    private: true,
    description: `The ${name} ${kind} connector.`,
    type: 'module',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run' },
    dependencies: {
      '@toolbelt/connector': request.sdkVersion,
      '@toolbelt/log': request.sdkVersion,
    },
    devDependencies: { typescript: '5.9.3', vitest: '4.1.12', '@types/node': '^20.11.0' },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      declaration: true,
      types: ['node'],
      noEmit: true,
    },
    include: ['src'],
  };
  const tsconfigBuild = {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, rootDir: 'src', outDir: 'dist' },
    exclude: ['src/**/*.test.ts'],
  };
  const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';
  return {
    files: {
      'package.json': json(packageJson),
      'tsconfig.json': json(tsconfig),
      'tsconfig.build.json': json(tsconfigBuild),
      'src/index.ts': kind === 'source' ? sourceCode(name, cls) : destinationCode(name, cls),
      'src/index.test.ts': testCode(name, cls, kind),
      'README.md': `# ${name} (${kind} connector)\n\nPut the connector's code in \`run()\` in \`src/index.ts\`. Build with \`pnpm build\`, test with \`pnpm test\`.\nIts registry entry (connectors.yaml) lists its credential keys and required env variables.\n`,
    },
    registryEntry: {
      connector_id: name,
      credentials: [],
      env: [],
      module: `./${name}/dist/index.js`,
    },
  };
}
