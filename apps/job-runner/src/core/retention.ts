import { parseDuration } from './duration.js';

/** How long finished runs are kept: by age, by count per job, or both (either one prunes). */
export interface Retention {
  /** Runs created longer ago than this are deleted. */
  maxAgeMs?: number;
  /** Only the newest this many finished runs of each job are kept. */
  keepRuns?: number;
}

/**
 * `30d`, `100 runs`, or both (`30d, 100 runs`) -> a retention; undefined when the text is not
 * one (a setting error for the shell to word).
 */
export function parseRetention(text: string): Retention | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const out: Retention = {};
  for (const part of parts) {
    const runs = /^(\d+)\s*runs?$/i.exec(part);
    if (runs) {
      if (out.keepRuns !== undefined || Number(runs[1]) < 1) return undefined;
      out.keepRuns = Number(runs[1]);
      continue;
    }
    const ms = parseDuration(part);
    if (ms === undefined || out.maxAgeMs !== undefined) return undefined;
    out.maxAgeMs = ms;
  }
  return out;
}

/** What to delete at `now`: runs created before `cutoff`, and runs past the newest `keepRuns`. */
export interface PruneCriteria {
  cutoff?: Date;
  keepRuns?: number;
}

export function toPruneCriteria(retention: Retention, now: Date): PruneCriteria {
  return {
    cutoff:
      retention.maxAgeMs === undefined ? undefined : new Date(now.getTime() - retention.maxAgeMs),
    keepRuns: retention.keepRuns,
  };
}
