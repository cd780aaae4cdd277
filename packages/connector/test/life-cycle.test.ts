import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@toolbelt/log';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import {
  DestinationConnector,
  SourceConnector,
  connectorMessages,
  createLocalBlobStore,
  createMemoryJobStore,
  parseRegistry,
  runConnector,
  type BlobStore,
  type Row,
  type RunConnectorOptions,
} from '../src/index.js';
import { MASTER_HASH, captureLogger, jobOf } from './helpers.js';

class PeopleSource extends SourceConnector {
  static override connectorId = 'test-source';
  static rows: Row[] = [];
  override async run(): Promise<void> {
    await this.logInfo(
      `Reading ${this.sourceColumns.join(', ')} with token ${this.credentials.token ?? '-'}`,
    );
    await this.uploadRows(PeopleSource.rows);
  }
}

class MemoryDestination extends DestinationConnector {
  static override connectorId = 'test-destination';
  static table: Row[] = [];
  override async run(): Promise<void> {
    await this.runBatches();
  }
  override clear(): Promise<void> {
    MemoryDestination.table = [];
    return Promise.resolve();
  }
  override batch(rows: Row[]): Promise<number> {
    MemoryDestination.table.push(...rows);
    return Promise.resolve(rows.length);
  }
}

const registry = parseRegistry({
  'test-source': { credentials: ['token'], env: ['SOURCE_API_URL'] },
  'test-destination': { credentials: [] },
  lazy: {},
  broken: {},
});

let dir: TempDir;
let store: BlobStore;
beforeEach(() => {
  dir = makeTempDir('connector-life');
  store = createLocalBlobStore({ dir: `${dir.path}/.objects` });
  PeopleSource.rows = [
    { name: 'Ann', email: 'ann@example.com' },
    { name: 'Bob', email: 'bob@example.com' },
  ];
  MemoryDestination.table = [{ full_name: 'Old', mail: 'old@example.com', note: null }];
});
afterEach(() => dir.cleanup());

async function setUp(
  credentials: Record<string, string> | undefined = { token: 's3cr3t-token' },
  updateMethod: 1 | 2 = 1,
) {
  const jobs = createMemoryJobStore();
  const jobId = await jobs.addJob(jobOf({ updateMethod }, credentials));
  const { logger, lines } = captureLogger();
  const env = { JOB_ID: String(jobId), MASTER_HASH, SOURCE_API_URL: 'http://127.0.0.1:1' };
  const base: Omit<RunConnectorOptions, 'kind' | 'connector'> = {
    env,
    registry,
    jobs,
    store,
    logger,
  };
  return { jobs, jobId, lines, env, base };
}

describe('start-up checks', () => {
  it('stops before run() with the exact message when an env variable is missing', async () => {
    const { base, jobs, lines } = await setUp();
    let ran = false;
    class Watch extends PeopleSource {
      override run(): Promise<void> {
        ran = true;
        return Promise.resolve();
      }
    }
    const outcome = await runConnector({
      ...base,
      kind: 'source',
      connector: Watch,
      env: { JOB_ID: '1', MASTER_HASH },
    });
    expect(ran).toBe(false);
    expect(outcome.message).toBe(
      "Unable to start job. Environment variable was not provided: 'SOURCE_API_URL'",
    );
    expect(lines).toContain(
      "error: Unable to start job. Environment variable was not provided: 'SOURCE_API_URL'",
    );
    expect(outcome.exitCode).toBe(78);
    expect(outcome.status).toBe('NotStarted');
    expect(await jobs.listHistory()).toEqual([]);

    const noMaster = await runConnector({
      ...base,
      kind: 'source',
      connector: Watch,
      env: { JOB_ID: '1', SOURCE_API_URL: 'x' },
    });
    expect(noMaster.message).toBe(
      "Unable to start job. Environment variable was not provided: 'MASTER_HASH'",
    );
  });

  it('says Job ID not found for an unknown job and logs it', async () => {
    const { base, env, jobs } = await setUp();
    const outcome = await runConnector({
      ...base,
      kind: 'source',
      connector: PeopleSource,
      env: { ...env, JOB_ID: '999' },
    });
    expect(outcome.message).toBe('Job ID not found: 999');
    expect(outcome.exitCode).toBe(78);
    expect((await jobs.listLogs({ jobId: 999 })).map((l) => l.text)).toEqual([
      'Job ID not found: 999',
    ]);
  });

  it('requires the credential keys of the registry', async () => {
    const { base } = await setUp({ other: 'x' });
    const outcome = await runConnector({ ...base, kind: 'source', connector: PeopleSource });
    expect(outcome.message).toBe("Unable to start job. Credential was not provided: 'token'");
    expect(outcome.exitCode).toBe(77);
  });
});

describe('a source then a destination', () => {
  it('uploads batches, loads them in order, and ends with the success line', async () => {
    const { base, jobs, lines } = await setUp();
    const source = await runConnector({ ...base, kind: 'source', connector: PeopleSource });
    expect(source).toMatchObject({
      status: 'Running',
      exitCode: 0,
      rowsAffected: 2,
      columnsAffected: 2,
      batches: 1,
    });
    expect(source.message).toBe(
      'Successfully ran test-source connector.\nColumns affected: 2\nRows affected: 2\n',
    );
    const historyId = source.historyId as number;
    expect(await store.list('etlJobHistory/')).toEqual([`etlJobHistory/e${historyId}-b0.json`]);

    const destination = await runConnector({
      ...base,
      kind: 'destination',
      connector: MemoryDestination,
      historyId,
    });
    expect(destination.message).toBe(
      'Successfully ran test-destination connector.\nColumns affected: 3\nRows affected: 2\n',
    );
    expect(MemoryDestination.table).toEqual([
      { full_name: 'Old', mail: 'old@example.com', note: null },
      { full_name: 'Ann', mail: 'ann@example.com', note: null },
      { full_name: 'Bob', mail: 'bob@example.com', note: null },
    ]);
    expect(await jobs.getHistory(historyId)).toMatchObject({ status: 2, rowCount: 2 });
    const logs = await jobs.listLogs({ historyId });
    expect(logs.every((l) => l.type === 1 && l.external)).toBe(true);
    expect(logs.at(-1)?.text).toBe(
      'Successfully ran test-destination connector.\nColumns affected: 3\nRows affected: 2\n',
    );
    // Credentials never reach the console or the log rows.
    expect(lines.join('\n')).not.toContain('s3cr3t-token');
    expect(logs.map((l) => l.text).join('\n')).toContain('with token ***');
  });

  it('empties the destination before the first batch of a Replace job', async () => {
    const { base } = await setUp(undefined, 2);
    const source = await runConnector({
      ...base,
      kind: 'source',
      connector: PeopleSource,
      batchLimits: { maxRows: 1 },
    });
    expect(source.batches).toBe(2);
    await runConnector({
      ...base,
      kind: 'destination',
      connector: MemoryDestination,
      historyId: source.historyId as number,
    });
    expect(MemoryDestination.table.map((r) => r.full_name)).toEqual(['Ann', 'Bob']);
  });

  it('finishes with exit 0 and the no-rows message when the source is empty', async () => {
    PeopleSource.rows = [];
    const { base, jobs } = await setUp();
    const outcome = await runConnector({ ...base, kind: 'source', connector: PeopleSource });
    expect(outcome).toMatchObject({
      exitCode: 0,
      status: 'Finished',
      message: 'No rows were returned from source. Finished job.',
    });
    expect(await jobs.getHistory(outcome.historyId as number)).toMatchObject({
      status: 2,
      rowCount: 0,
    });
    expect(await store.list('etlJobHistory/')).toEqual([]);
  });

  it('dry run reads the source, reports, and writes nothing', async () => {
    const { base, jobs } = await setUp();
    const outcome = await runConnector({
      ...base,
      kind: 'source',
      connector: PeopleSource,
      dryRun: true,
    });
    expect(outcome.dryRun).toMatchObject({ rows: 2, batches: 1, sample: PeopleSource.rows });
    expect(outcome.dryRun?.bytes).toBe(Buffer.byteLength(JSON.stringify(PeopleSource.rows)));
    expect(await store.list('')).toEqual([]);
    expect(await jobs.listHistory()).toEqual([]);
    expect(await jobs.listLogs()).toEqual([]);
  });
});

describe('failures', () => {
  it('logErr marks the history Failed and exits non-zero', async () => {
    class Refusing extends PeopleSource {
      override async run(): Promise<void> {
        await this.logErr('The API refused the token.', 'AUTH');
        throw new Error('not reached');
      }
    }
    const { base, jobs } = await setUp();
    const outcome = await runConnector({ ...base, kind: 'source', connector: Refusing });
    expect(outcome).toMatchObject({
      exitCode: 77,
      status: 'Failed',
      message: 'The API refused the token.',
    });
    expect(await jobs.getHistory(outcome.historyId as number)).toMatchObject({ status: 3 });
    const errors = (await jobs.listLogs({ historyId: outcome.historyId as number })).filter(
      (l) => l.type === 2,
    );
    expect(errors).toMatchObject([{ text: 'The API refused the token.', external: true }]);
  });

  it('tells the console in the run language and writes the log rows in English', async () => {
    const { base, jobs, lines } = await setUp();
    const outcome = await runConnector({
      ...base,
      kind: 'source',
      connector: PeopleSource,
      lang: 'ru',
    });
    const rows = (await jobs.listLogs({ historyId: outcome.historyId as number })).map(
      (l) => l.text,
    );
    expect(rows.at(-1)).toBe(
      'Successfully ran test-source connector.\nColumns affected: 2\nRows affected: 2\n',
    );
    expect(rows.some((r) => r.startsWith('Uploaded batch'))).toBe(true);
    const console = lines.join('\n');
    expect(console).toContain('Коннектор test-source успешно выполнен.\nЗатронуто столбцов: 2');
    expect(console).toContain('Загружен пакет');
    expect(console).not.toContain('Successfully ran');
  });

  it('an error made by a catalog stops with its code: English row, the console in the run language', async () => {
    class Missing extends PeopleSource {
      override run(): Promise<void> {
        return Promise.reject(
          connectorMessages.error('DATA', 'errors.csvMissing', { path: 'a.csv' }),
        );
      }
    }
    const { base, jobs, lines } = await setUp();
    const outcome = await runConnector({ ...base, kind: 'source', connector: Missing, lang: 'ru' });
    expect(outcome).toMatchObject({
      exitCode: 65,
      status: 'Failed',
      message: 'CSV file not found: a.csv',
    });
    const rows = await jobs.listLogs({ historyId: outcome.historyId as number });
    expect(rows.filter((l) => l.type === 2)).toMatchObject([{ text: 'CSV file not found: a.csv' }]);
    expect(lines.join('\n')).toContain('CSV-файл не найден: a.csv');
    expect(lines.join('\n')).not.toContain('CSV file not found');
  });

  it('an exception in run() writes an internal row and the external message', async () => {
    class Crashing extends PeopleSource {
      override run(): Promise<void> {
        return Promise.resolve().then(() => {
          JSON.parse('{oops');
        });
      }
    }
    const { base, jobs } = await setUp();
    const lines: string[] = [];
    const logger = createLogger({
      name: 'connector-test',
      dir: `${dir.path}/.logs`,
      console: { write: (chunk: string) => lines.push(chunk.trimEnd()) },
      color: false,
    });
    const outcome = await runConnector({ ...base, logger, kind: 'source', connector: Crashing });
    logger.close();
    expect(outcome.exitCode).toBe(70);
    expect(outcome.status).toBe('Failed');
    const rows = (await jobs.listLogs({ historyId: outcome.historyId as number })).filter(
      (l) => l.type === 2,
    );
    expect(rows).toHaveLength(2);
    // The original's rows: the message (not the stack) internally, then the external text.
    let message = '';
    try {
      JSON.parse('{oops');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(rows[0]).toMatchObject({ external: false, text: `Error with source code: ${message}` });
    expect(rows[0]?.text).not.toMatch(/\n\s+at /);
    expect(rows[1]).toMatchObject({
      external: true,
      text: 'A problem internally has occurred. Our team has been notified and will reach out within 24 hours.',
    });
    expect(lines.join('\n')).not.toMatch(/SyntaxError|Error with source code/);
    // The stack goes to the log file, not to the job database.
    expect(readFileSync(logger.file as string, 'utf8')).toMatch(/SyntaxError[^\n]*\n\s+at /);
  });

  it('tells a connector that does not override run()', async () => {
    class Lazy extends SourceConnector {
      static override connectorId = 'lazy';
    }
    const { base } = await setUp();
    const outcome = await runConnector({ ...base, kind: 'source', connector: Lazy });
    expect(outcome.message).toBe(
      'The connector lazy does not override run(): put its code in run().',
    );
    expect(outcome.exitCode).toBe(70);
  });

  it('a destination without clear() refuses a Replace job', async () => {
    class NoClear extends DestinationConnector {
      static override connectorId = 'broken';
      override async run(): Promise<void> {
        await this.runBatches();
      }
      override async batch(): Promise<void> {}
    }
    const { base } = await setUp(undefined, 2);
    const source = await runConnector({ ...base, kind: 'source', connector: PeopleSource });
    const outcome = await runConnector({
      ...base,
      kind: 'destination',
      connector: NoClear,
      historyId: source.historyId as number,
    });
    expect(outcome).toMatchObject({
      exitCode: 78,
      status: 'Failed',
      message: 'The connector broken cannot empty its destination for a Replace job.',
    });
  });
});
