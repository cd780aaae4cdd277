/**
 * The executioner process: `node executioner-main.js <runId>`, with the database URL in
 * JOB_RUNNER_DATABASE_URL, the job folders in JOB_RUNNER_JOBS_DIR and the run's secret
 * parameters as JSON on stdin. The process that starts it does not wait for it.
 */
import { delimiter } from 'node:path';
import { discoverJobs, findJob } from '../adapters/job-library.js';
import { executeRun, recordExecutionerError } from '../adapters/executioner.js';
import { createRunStore } from '../adapters/run-store.js';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

const runId = Number(process.argv[2]);
const url = process.env.JOB_RUNNER_DATABASE_URL;
if (!Number.isInteger(runId) || !url) {
  process.stderr.write('usage: JOB_RUNNER_DATABASE_URL=... executioner-main.js <runId>\n');
  process.exit(64);
}
const secrets = JSON.parse((await readStdin()) || '{}') as Record<string, string>;
const { openDatabase } = await import('@toolbelt/db');
const db = await openDatabase({ url });
try {
  const store = createRunStore(db, { copyLines: process.env.JOB_RUNNER_COPY === '1' });
  const library = await discoverJobs({
    dirs: (process.env.JOB_RUNNER_JOBS_DIR ?? 'jobs').split(delimiter).filter(Boolean),
    toolbelt: process.env.JOB_RUNNER_TOOLBELT !== '0',
  });
  // A signal (Ctrl-C reaches the whole foreground group; a stopping worker): stop the job
  // and record the run as cancelled rather than die and leave it "running".
  let signalled = false;
  const onSignal = (): void => {
    if (signalled) process.exit(130);
    signalled = true;
    void store.requestCancel(runId, new Date()).catch(() => {});
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await executeRun({ store, runId, secrets, findJob: (name) => findJob(library, name) });
  } catch (error) {
    await recordExecutionerError(store, runId, error);
    throw error;
  }
} finally {
  await db.close();
}
