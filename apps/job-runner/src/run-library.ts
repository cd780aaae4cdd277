/**
 * The job library's commands (`list`, `describe`, `doctor`, `schedules`): what the job folders
 * hold, as data.
 */
import type { JobField, MetadataProblem } from './core/job-metadata.js';
import { nextFire } from './core/schedules.js';
import {
  findLibraryJob,
  missingFolders,
  openRunnerIfData,
  readJobLibrary,
  readLastScheduledRuns,
  readScheduleFiles,
} from './build-deps.js';
import { messages } from './i18n/index.js';
import type { RunnerSettings } from './settings.js';

/** One line of `list --json`. */
export interface JobSummary {
  name: string;
  description: string;
  kind: string;
  fields: number;
}

/** `list`: the jobs, and the job folders that do not exist. */
export async function runList(
  settings: RunnerSettings,
): Promise<{ result: { jobs: JobSummary[] }; missingDirs: string[] }> {
  const missingDirs = await missingFolders(settings.jobsDirs);
  const library = await readJobLibrary(settings);
  const jobs = library.jobs.map((j) => ({
    name: j.name,
    description: j.description,
    kind: j.kind,
    fields: j.fields.length,
  }));
  return { result: { jobs }, missingDirs };
}

/** What `describe --json` returns. */
export interface DescribeResult {
  name: string;
  description: string;
  kind: string;
  fields: JobField[];
}

/** `describe`: one job and its fields (a USAGE error when there is no such job). */
export async function runDescribe(settings: RunnerSettings, name: string): Promise<DescribeResult> {
  const job = await findLibraryJob(await readJobLibrary(settings), name);
  if (!job) throw messages.error('USAGE', 'errors.noJob', { job: name });
  return { name: job.name, description: job.description, kind: job.kind, fields: [...job.fields] };
}

/** What `doctor --json` returns. */
export interface DoctorResult {
  jobs: number;
  problems: MetadataProblem[];
  database: string;
}

/** `doctor`: the database, and the candidates that are not listed (then exit DATA). */
export async function runDoctor(
  settings: RunnerSettings,
): Promise<{ result: DoctorResult; exit: 'OK' | 'DATA' }> {
  const library = await readJobLibrary(settings);
  const database = settings.databaseUrl ? 'postgres' : `pglite (${settings.dataDir})`;
  return {
    result: { jobs: library.jobs.length, problems: library.problems, database },
    exit: library.problems.length > 0 ? 'DATA' : 'OK',
  };
}

/** One line of `schedules --json`. */
export interface ScheduleSummary {
  id: string;
  job: string;
  cron: string;
  params: Record<string, string>;
  next: string | null;
  last: { id: number; status: string; at: string } | null;
}

/** `schedules`: every schedule with its next and last run; problems of the files (exit DATA). */
export async function runSchedules(
  settings: RunnerSettings,
  now: Date,
): Promise<{ result: { schedules: ScheduleSummary[]; problems: string[] }; exit: 'OK' | 'DATA' }> {
  const { schedules, problems } = await readScheduleFiles(settings.jobsDirs);
  const runner = schedules.length ? await openRunnerIfData(settings, { jobs: false }) : undefined;
  let last = new Map<string, { id: number; status: string; createdAt: Date }>();
  try {
    if (runner) last = await readLastScheduledRuns(runner.store);
  } finally {
    await runner?.close();
  }
  const out = schedules.map((s): ScheduleSummary => {
    const run = last.get(s.id);
    return {
      id: s.id,
      job: s.job,
      cron: s.cron,
      params: s.params,
      next: nextFire((digest) => s.matches(digest), now)?.toISOString() ?? null,
      last: run ? { id: run.id, status: run.status, at: run.createdAt.toISOString() } : null,
    };
  });
  return { result: { schedules: out, problems }, exit: problems.length ? 'DATA' : 'OK' };
}
