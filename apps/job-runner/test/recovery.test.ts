import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { interruptedReason, openRunner, type RunnerConfig } from '../dist/build-deps.js';

// PostgreSQL: a run left `running` by an executioner that died (a crash, SIGKILL) is failed
// as interrupted when job-runner next opens the store on that machine; others are left alone.
let dir: TempDir;
let config: RunnerConfig;
beforeAll(async () => {
  dir = makeTempDir('job-runner-recovery');
  config = {
    databaseUrl: await testDatabaseUrl(),
    dataDir: join(dir.path, 'unused'),
    jobsDirs: [dir.path],
    toolbelt: false,
  };
}, 120_000);
afterAll(() => dir?.cleanup());

it('fails runs whose executioner on this host is dead, and only those', async () => {
  const first = await openRunner(config);
  const make = async (executor: { host: string; pid: number }) => {
    const run = await first.store.createRun({ job: 'x', params: {}, startedBy: 'test' });
    await first.store.claimRun(run.id, new Date(), executor);
    return run.id;
  };
  const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
  const dead = await make({ host: hostname(), pid: deadPid });
  const alive = await make({ host: hostname(), pid: process.pid });
  const elsewhere = await make({ host: `not-${hostname()}`, pid: deadPid });
  await first.close();

  const second = await openRunner(config);
  try {
    expect(await second.store.getRun(dead)).toMatchObject({
      status: 'failed',
      reason: interruptedReason,
    });
    expect(await second.store.getRun(alive)).toMatchObject({ status: 'running' });
    expect(await second.store.getRun(elsewhere)).toMatchObject({ status: 'running' });
  } finally {
    await second.store.failUnfinished(new Date(), 'test cleanup');
    await second.close();
  }
});
