import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNewJob, type JobDefinition } from '@toolbelt/connector';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { toCsvField } from '../src/adapters/connectors/csv-destination.js';
import type { Deps } from '../src/build-deps.js';
import { runJob } from '../src/run-job.js';
import { MASTER_HASH, captureLogger, depsOf, runSettingsOf } from './helpers.js';

const dir = makeTempDir('csv-connectors');
let env: Record<string, string>;
let deps: Deps;

beforeAll(async () => {
  env = { MASTER_HASH, DATABASE_URL: await testDatabaseUrl(), OBJECTS_DIR: `${dir.path}/objects` };
  deps = await depsOf(env, dir.path);
}, 120_000);
afterAll(async () => {
  await deps?.close();
  await dir.cleanup();
});

function csvJob(
  source: string,
  out: string,
  extra: Partial<JobDefinition> & { destinationOptions?: Record<string, unknown> } = {},
): JobDefinition {
  const { destinationOptions, ...rest } = extra;
  return {
    name: 'csv to csv',
    source: { connector: 'csv', object: source },
    destination: { connector: 'csv', object: out, options: destinationOptions },
    mapping: [
      { column: 'id', mapped: 'id' },
      { column: 'formula', mapped: 'formula' },
    ],
    updateMethod: 'replace',
    ...rest,
  };
}

async function run(definition: JobDefinition) {
  const jobs = await deps.jobs();
  const jobId = await jobs.addJob(toNewJob(definition, MASTER_HASH));
  const { logger, lines } = captureLogger();
  const result = await runJob({ ...deps, logger }, runSettingsOf(env, jobId));
  const history = result.stages[0]?.historyId;
  return {
    result,
    lines,
    status: history ? (await jobs.getHistory(history))?.status : undefined,
  };
}

describe('CSV source: header problems are DATA errors naming the column', () => {
  it('a header that names a column twice', async () => {
    const source = `${dir.path}/dup.csv`;
    writeFileSync(source, 'id,formula,formula\n1,a,b\n');
    const { result, status } = await run(csvJob(source, `${dir.path}/dup-out.csv`));
    expect(result.exitCode).toBe(65);
    expect(result.stages[0]?.message).toBe(
      `${source}: the header names formula more than once; rename the repeated columns.`,
    );
    expect(status).toBe(3);
  });

  it('a mapped column the file does not have', async () => {
    const source = `${dir.path}/missing.csv`;
    writeFileSync(source, 'id,other\n1,a\n');
    const { result } = await run(csvJob(source, `${dir.path}/missing-out.csv`));
    expect(result.exitCode).toBe(65);
    expect(result.stages[0]?.message).toContain('the header has no column formula');
    expect(result.stages).toHaveLength(1);
  });

  it('a file separated by another delimiter than the job says', async () => {
    const source = `${dir.path}/semicolon.csv`;
    writeFileSync(source, 'id;formula\n1;a\n');
    const { result } = await run(csvJob(source, `${dir.path}/semi-out.csv`));
    expect(result.exitCode).toBe(65);
    expect(result.stages[0]?.message).toContain("separated by ';', not ','");
  });
});

describe('CSV destination: values a spreadsheet would run are escaped (OWASP)', () => {
  const hostile = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1)', '\tx', '\rx', '-12.5', 'plain'];

  it('toCsvField prefixes formula starts with a quote, keeps numbers, and raw writes as is', () => {
    expect(hostile.map((v) => toCsvField(v))).toEqual([
      `'=cmd|' /C calc'!A0`,
      "'+1+1",
      "'-2+3",
      "'@SUM(1)",
      "'\tx",
      `"'\rx"`,
      '-12.5',
      'plain',
    ]);
    expect(toCsvField(-3)).toBe('-3');
    expect(toCsvField('=1', true)).toBe('=1');
  });

  it('escapes by default and writes raw values with the rawValues option', async () => {
    const source = `${dir.path}/hostile.csv`;
    const body = hostile.map((v, i) => `${i + 1},"${v}"`).join('\n');
    writeFileSync(source, `id,formula\n${body}\n`);

    const escapedOut = `${dir.path}/escaped.csv`;
    const escaped = await run(csvJob(source, escapedOut));
    expect(escaped.result.exitCode).toBe(0);
    const text = readFileSync(escapedOut, 'utf8');
    expect(text).toContain(`1,'=cmd|' /C calc'!A0\n`);
    expect(text).toContain("2,'+1+1\n");
    expect(text).toContain("4,'@SUM(1)\n");
    expect(text).toContain('7,-12.5\n');
    for (const line of text.split('\n').slice(1)) expect(line).not.toMatch(/^\d+,[=+@]/);

    const rawOut = `${dir.path}/raw.csv`;
    const raw = await run(csvJob(source, rawOut, { destinationOptions: { rawValues: true } }));
    expect(raw.result.exitCode).toBe(0);
    const rawText = readFileSync(rawOut, 'utf8');
    expect(rawText).toContain(`1,=cmd|' /C calc'!A0\n`);
    expect(rawText).toContain('4,@SUM(1)\n');
  });

  it('Replace keeps the permissions of the file it replaces', async () => {
    const { chmodSync, statSync } = await import('node:fs');
    const source = `${dir.path}/one.csv`;
    writeFileSync(source, 'id,formula\n1,a\n');
    const out = `${dir.path}/private.csv`;
    writeFileSync(out, 'id,formula\n0,old\n');
    chmodSync(out, 0o600);
    const { result } = await run(csvJob(source, out));
    expect(result.exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('id,formula\n1,a\n');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('Append keeps the old rows and writes the header once', async () => {
    const source = `${dir.path}/two.csv`;
    writeFileSync(source, 'id,formula\n1,a\n2,b\n');
    const out = `${dir.path}/append.csv`;
    writeFileSync(out, 'id,formula\n0,old\n');
    const first = await run(csvJob(source, out, { updateMethod: 'append' }));
    expect(first.result.exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('id,formula\n0,old\n1,a\n2,b\n');
  });
});
