import type { Selection, UpdateMethod } from './codes.js';
import type { ColumnMapping } from './columns.js';

/** One stage's side of a job. */
export interface JobEnd {
  /** Connector id (registry `connector_id`). */
  connector: string;
  /** Source/destination object: a file, a URL, a table. */
  object: string;
  /** Connector-specific settings that are not secret (delimiter, paging...). */
  options: Record<string, unknown>;
  /** Credentials as stored: AES-256-GCM text, or null. */
  encryptedCredentials: string | null;
}

/** A job as the connectors see it (the original `JobDetails`). */
export interface JobDetails {
  id: number;
  /** `ETLJobNM` */
  name: string;
  source: JobEnd;
  destination: JobEnd;
  /** `JobDataJSON` */
  mapping: ColumnMapping[];
  /** `FilteredColumnNM` */
  filterColumn: string | null;
  startSelection: Selection | null;
  startValue: string | null;
  endSelection: Selection | null;
  endValue: string | null;
  /** `TimezoneOffsetNBR`, hours from UTC. */
  timezoneOffset: number;
  /** `UpdateMethodCD`: 1 Append, 2 Replace. */
  updateMethod: UpdateMethod;
}

/** A job to insert (no id yet). */
export type NewJob = Omit<JobDetails, 'id'>;

/** One row of job history. */
export interface HistoryRow {
  id: number;
  jobId: number;
  status: 1 | 2 | 3;
  rowCount: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** One log row: printed and stored for every log call. */
export interface LogRow {
  jobId: number | null;
  historyId: number | null;
  connector: string;
  /** 1 Info, 2 Error */
  type: 1 | 2;
  text: string;
  /** False for internal-only rows (unhandled errors' details). */
  external: boolean;
  loggedAt?: Date;
}

/** Short view of a job for listings (never credentials). */
export interface JobSummary {
  id: number;
  name: string;
  source: string;
  sourceObject: string;
  destination: string;
  destinationObject: string;
  updateMethod: UpdateMethod;
}

/** The job database as the SDK needs it. */
export interface JobStore {
  addJob(job: NewJob): Promise<number>;
  getJob(id: number): Promise<JobDetails | undefined>;
  listJobs(): Promise<JobSummary[]>;
  /** Replaces the definition of job `id`; its id, history and logs stay. False when there is none. */
  updateJob(id: number, job: NewJob): Promise<boolean>;
  /** Removes job `id` with its history and log rows. False when there is none. */
  removeJob(id: number): Promise<boolean>;
  /**
   * A new history row in status Running, owned by `owner` (the process working on it, see
   * `history-owner.ts`) when given.
   */
  createHistory(jobId: number, owner?: string): Promise<number>;
  getHistory(id: number): Promise<HistoryRow | undefined>;
  /**
   * Sets the status (and the row count when given); Finished/Failed also set `finishedAt`.
   * `owner` (when given) replaces the owner: `null` for a history that waits for its
   * destination stage and no process is working on.
   */
  updateHistory(
    id: number,
    update: { status: 1 | 2 | 3; rowCount?: number; owner?: string | null },
  ): Promise<void>;
  /**
   * Marks Failed every Running history of `jobId` that has an owner for which `isGone`
   * says the process ended (killed, crashed, lost its database) without finishing it.
   * Returns the ids it marked. A history without owner (waiting for its destination
   * stage) is left alone.
   */
  failInterruptedHistories(jobId: number, isGone: (owner: string) => boolean): Promise<number[]>;
  /** Newest first. */
  listHistory(filter?: { jobId?: number; limit?: number }): Promise<HistoryRow[]>;
  insertLog(row: LogRow): Promise<void>;
  /** Oldest first. */
  listLogs(filter?: { jobId?: number; historyId?: number; limit?: number }): Promise<LogRow[]>;
}
