import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ParsedCronItem } from 'graphile-worker';
import { checkSchedules, type MinuteDigest, type Schedule } from '../core/schedules.js';

/** The graphile-worker task a schedule's tick runs (it starts the job's run). */
export const scheduleTask = 'job_runner_schedule';

/** A schedule with its parsed cron expression. */
export interface LoadedSchedule extends Schedule {
  /** graphile-worker's own parse of the line: its cron runs it on PostgreSQL. */
  item: ParsedCronItem;
  matches(digest: MinuteDigest): boolean;
  /** The file it came from. */
  file: string;
}

/** What graphile-worker puts in a cron job's payload, plus ours. */
export interface ScheduleTickPayload {
  schedule: string;
  _cron?: { ts: string; backfilled?: boolean };
}

/**
 * Read `schedules.json` from each job folder (a folder without one has no schedules).
 * Cron expressions are parsed by graphile-worker, so PostgreSQL and the embedded scheduler
 * agree on what they mean.
 */
export async function readSchedules(
  dirs: readonly string[],
): Promise<{ schedules: LoadedSchedule[]; problems: string[] }> {
  const { parseCronItem } = await import('graphile-worker');
  const schedules: LoadedSchedule[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const dir of dirs) {
    const file = join(resolve(dir), 'schedules.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const checked = checkSchedules(raw);
    problems.push(...checked.problems.map((p) => `${file}: ${p}`));
    for (const schedule of checked.schedules) {
      if (ids.has(schedule.id)) {
        problems.push(`${file}: schedule "${schedule.id}" is already defined`);
        continue;
      }
      try {
        const item = parseCronItem({
          task: scheduleTask,
          match: schedule.cron,
          identifier: `job-runner:${schedule.id}`,
          payload: { schedule: schedule.id },
          // A tick missed while no worker ran is not made up for later.
          options: { backfillPeriod: 0, maxAttempts: 1 },
        });
        ids.add(schedule.id);
        schedules.push({ ...schedule, item, matches: (d) => item.match(d), file });
      } catch (error) {
        problems.push(`${file}: ${schedule.id}: ${(error as Error).message}`);
      }
    }
  }
  return { schedules, problems };
}
