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
  return `import { SourceConnector } from '@toolbelt/connector';
import { toRow, type Item } from './core/to-row.js';
import { messages } from './i18n/index.js';

/** The ${id} source: reads the items of its system and uploads them as rows. */
export class ${cls} extends SourceConnector {
  static override connectorId = '${id}';

  override async run(): Promise<void> {
    if (this.object.trim() === '') throw messages.error('CONFIG', 'errors.noObject');
    // The log row in English, the console in the run's language.
    await this.logInfo(
      messages.text('log.reading', { columns: this.sourceColumns.join(', '), object: this.object }),
    );
    // Replace with the real read: call your API with this.credentials, page by page, and
    // upload each page as it arrives so memory stays flat.
    const items: Item[] = [{ id: 1, name: ' Ann ' }, { id: 2, name: 'Bob' }];
    await this.uploadRows(items.map(toRow));
  }
}
`;
}

function destinationCode(id: string, cls: string): string {
  return `import { DestinationConnector, type Row } from '@toolbelt/connector';
import { toItem, type Item } from './core/to-item.js';
import { messages } from './i18n/index.js';

/** The ${id} destination: writes each batch of rows to its system. */
export class ${cls} extends DestinationConnector {
  static override connectorId = '${id}';
  /** Where the items went (replace with the real write). */
  readonly written: Item[] = [];

  override async run(): Promise<void> {
    if (this.object.trim() === '') throw messages.error('CONFIG', 'errors.noObject');
    await this.runBatches();
  }

  override clear(): Promise<void> {
    // A Replace job: empty the destination object (this.object) here.
    this.written.length = 0;
    return Promise.resolve();
  }

  override batch(rows: Row[]): Promise<number> {
    // Rows are keyed by this.destinationColumns; write them to this.object.
    this.written.push(...rows.map(toItem));
    return Promise.resolve(rows.length);
  }
}
`;
}

/** The pure part of a connector: one item of its system <-> one row, no I/O. */
function coreCode(kind: ConnectorKind): Record<string, string> {
  if (kind === 'source')
    return {
      'src/core/to-row.ts': `import type { Row } from '@toolbelt/connector';

/** One item as the system returns it (replace with its real shape). */
export interface Item {
  id: number;
  name: string;
}

/** An item -> a row keyed by source columns (the names in the job's mapping). */
export function toRow(item: Item): Row {
  return { id: String(item.id), name: item.name.trim() };
}
`,
      'src/core/to-row.test.ts': `import { describe, expect, it } from 'vitest';
import { toRow } from './to-row.js';

describe('toRow', () => {
  it('keys an item by source columns, names trimmed', () => {
    expect(toRow({ id: 7, name: ' Ann ' })).toEqual({ id: '7', name: 'Ann' });
  });
});
`,
    };
  return {
    'src/core/to-item.ts': `import type { Row } from '@toolbelt/connector';

/** One item as the system takes it (replace with its real shape). */
export interface Item {
  id: string;
  name: string;
}

/** A row keyed by destination columns -> an item (missing values: empty text). */
export function toItem(row: Row): Item {
  const text = (value: unknown): string =>
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return { id: text(row.id), name: text(row.name) };
}
`,
    'src/core/to-item.test.ts': `import { describe, expect, it } from 'vitest';
import { toItem } from './to-item.js';

describe('toItem', () => {
  it('takes the destination columns of a row as text', () => {
    expect(toItem({ id: 7, name: ' Ann ', other: true })).toEqual({ id: '7', name: 'Ann' });
    expect(toItem({ id: null })).toEqual({ id: '', name: '' });
  });
});
`,
  };
}

/** The connector's catalog: its errors and log lines in English and Russian. */
function catalogCode(id: string): Record<string, string> {
  return {
    'src/i18n/en.ts': `/** The ${id} connector's texts in English (the language of the job's log rows). */
export const en = {
  errors: {
    noObject: 'The job names no ${id} object: set its object in the job file.',
  },
  log: {
    reading: 'Reading {{columns}} from {{object}}.',
  },
};
`,
    'src/i18n/ru.ts': `import type { Catalog } from '@toolbelt/i18n';

export const ru = {
  errors: {
    noObject: 'В задании не указан объект ${id}: задайте его object в файле задания.',
  },
  log: {
    reading: 'Чтение {{columns}} из {{object}}.',
  },
} satisfies Catalog;
`,
    'src/i18n/index.ts': `import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** Every text of the ${id} connector; its errors carry both languages. */
export const messages = defineMessages('${id}', { en, ru });
`,
    'src/i18n/messages.test.ts': `import { describe, expect, it } from 'vitest';
import { messages } from './index.js';

describe('${id} messages', () => {
  it('have every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });
});
`,
  };
}

function testCode(id: string, cls: string, kind: ConnectorKind, file: string): string {
  const run =
    kind === 'source'
      ? `    const outcome = await runConnector({ kind: 'source', connector: ${cls}, env, registry, jobs, store, logger });
    expect(outcome.message).toBe('Successfully ran ${id} connector.\\nColumns affected: 2\\nRows affected: 2\\n');
    expect(await store.list('etlJobHistory/')).toEqual([\`etlJobHistory/e\${outcome.historyId}-b0.json\`]);`
      : `    const historyId = await jobs.createHistory(jobId);
    await store.put(\`etlJobHistory/e\${historyId}-b0.json\`, JSON.stringify([{ id: '1', name: 'Ann' }]));
    const outcome = await runConnector({ kind: 'destination', connector: ${cls}, env, registry, jobs, store, logger, historyId });
    expect(outcome.message).toBe('Successfully ran ${id} connector.\\nColumns affected: 2\\nRows affected: 1\\n');`;
  return `import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@toolbelt/log';
import {
  createLocalBlobStore,
  createMemoryJobStore,
  parseRegistry,
  runConnector,
  type NewJob,
} from '@toolbelt/connector';
import { ${cls} } from './${file}.js';

const dir = mkdtempSync(join(tmpdir(), '${id}-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const end = { connector: '${id}', object: 'people', options: {}, encryptedCredentials: null };
const job = (object: string): NewJob => ({
  name: 'Test job',
  source: { ...end, object },
  destination: { ...end, object },
  mapping: [
    { column: 'id', mapped: 'id' },
    { column: 'name', mapped: 'name' },
  ],
  filterColumn: null,
  startSelection: null,
  startValue: null,
  endSelection: null,
  endValue: null,
  timezoneOffset: 0,
  updateMethod: 1,
});

async function setUp(object: string) {
  const jobs = createMemoryJobStore();
  const jobId = await jobs.addJob(job(object));
  const env = { JOB_ID: String(jobId), MASTER_HASH: 'test-master-hash' };
  const registry = parseRegistry([{ connector_id: '${id}', credentials: [] }]);
  const store = createLocalBlobStore({ dir });
  const logger = createLogger({ name: '${id}', consoleLevel: 'silent' });
  return { jobs, jobId, env, registry, store, logger };
}

describe('${id} connector', () => {
  it('runs through the connector life cycle', async () => {
    const { jobs, jobId, env, registry, store, logger } = await setUp('people');
${run}
    expect(outcome.exitCode).toBe(0);
    expect((await jobs.getHistory(outcome.historyId ?? 0))?.jobId).toBe(jobId);
  });

  it('fails the job with its own error when the job names no object', async () => {
    const { jobs, env, registry, store, logger } = await setUp(' ');
    const outcome = await runConnector({ kind: '${kind}', connector: ${cls}, env, registry, jobs, store, logger, historyId: ${kind === 'source' ? 'undefined' : 'await jobs.createHistory(1)'} });
    expect(outcome.exitCode).toBe(78);
    expect(outcome.message).toBe('The job names no ${id} object: set its object in the job file.');
  });
});
`;
}

/** Plans a new connector package `name` of `kind`: code with `run()`, a test, a README. */
export function planScaffold(request: ScaffoldRequest): ScaffoldPlan {
  const { name, kind } = request;
  const cls = `${pascal(name)}${kind === 'source' ? 'Source' : 'Destination'}`;
  const file = `${name}-${kind}`;
  const packageJson = {
    name: `connector-${name}`,
    version: '0.1.0',
    private: true,
    description: `The ${name} ${kind} connector.`,
    type: 'module',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run' },
    // All @toolbelt packages are released together with one version.
    dependencies: Object.fromEntries(
      ['connector', 'errors', 'i18n', 'log'].map((p) => [`@toolbelt/${p}`, request.sdkVersion]),
    ),
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
  const core = kind === 'source' ? 'src/core/to-row.ts' : 'src/core/to-item.ts';
  return {
    files: {
      'package.json': json(packageJson),
      'tsconfig.json': json(tsconfig),
      'tsconfig.build.json': json(tsconfigBuild),
      'src/index.ts': `export { ${cls}, ${cls} as connector } from './${file}.js';\n`,
      [`src/${file}.ts`]: kind === 'source' ? sourceCode(name, cls) : destinationCode(name, cls),
      [`src/${file}.test.ts`]: testCode(name, cls, kind, file),
      ...coreCode(kind),
      ...catalogCode(name),
      'README.md': `# ${name} (${kind} connector)

The ${kind} connector \`${name}\`, in the shape every Toolbelt package has:

| file | holds |
|---|---|
| \`src/${file}.ts\` | the connector: \`run()\` ${kind === 'source' ? 'reads the system and uploads rows' : 'loads each batch of rows into the system'} (I/O) |
| \`${core}\` | the pure part: one item <-> one row, no I/O (tested next to it) |
| \`src/i18n/\` | its texts in English and Russian; its errors are made there (\`messages.error(...)\`) |
| \`src/${file}.test.ts\` | the life cycle on the SDK's memory job store and a local object store |
| \`src/index.ts\` | exports the class as \`connector\`, which the registry entry loads |

Build with \`pnpm build\` (or \`npm run build\`), test with \`pnpm test\`. Its registry entry
(connectors.yaml) lists its credential keys and required env variables.
`,
    },
    registryEntry: {
      connector_id: name,
      credentials: [],
      env: [],
      module: `./${name}/dist/index.js`,
    },
  };
}
