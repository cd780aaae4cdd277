import type { RunRecord, RunStore } from './run-store.js';

/** The newest run of every job that has one (the job list shows it). */
export async function readLastRuns(store: RunStore): Promise<Map<string, RunRecord>> {
  const { rows } = await store.db.query('SELECT max(id) AS id FROM job_runner_runs GROUP BY job');
  const runs = await Promise.all(rows.map((row) => store.getRun(Number(row.id))));
  const out = new Map<string, RunRecord>();
  for (const run of runs) if (run) out.set(run.job, run);
  return out;
}

/** The newest run each schedule started (`started_by` is `schedule:<id>`), by schedule id. */
export async function readLastScheduledRuns(store: RunStore): Promise<Map<string, RunRecord>> {
  const { rows } = await store.db.query(
    `SELECT max(id) AS id FROM job_runner_runs WHERE started_by LIKE 'schedule:%' GROUP BY started_by`,
  );
  const runs = await Promise.all(rows.map((row) => store.getRun(Number(row.id))));
  const out = new Map<string, RunRecord>();
  for (const run of runs) if (run) out.set(run.startedBy.slice('schedule:'.length), run);
  return out;
}

/**
 * A run's log as plain text, read from the database a page at a time as the reader takes it
 * (pull-based, so a slow download holds one page in memory, not the whole log). stderr lines
 * start with `! `, the runner's own with `# `.
 */
export function streamLogText(
  store: RunStore,
  runId: number,
  pageSize = 5000,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const lines = await store.readLines(runId, after, pageSize);
        if (lines.length === 0) {
          controller.close();
          return;
        }
        after = lines[lines.length - 1]!.seq;
        let text = '';
        for (const l of lines)
          text += `${l.stream === 'stderr' ? '! ' : l.stream === 'system' ? '# ' : ''}${l.line}\n`;
        controller.enqueue(encoder.encode(text));
      },
    },
    { highWaterMark: 1 },
  );
}
