/** One schedule: run `job` with `params` whenever `cron` (five fields, UTC) matches. */
export interface Schedule {
  id: string;
  job: string;
  cron: string;
  params: Record<string, string>;
}

/** The minute fields a cron expression is matched against (UTC, as graphile-worker does). */
export interface MinuteDigest {
  min: number;
  hour: number;
  date: number;
  month: number;
  dow: number;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check the content of a `schedules.json` file: a list of `{ id, job, cron, params }`. The
 * cron syntax itself is checked by the adapter that parses it. Problems as data, all at once.
 */
export function checkSchedules(raw: unknown): { schedules: Schedule[]; problems: string[] } {
  const problems: string[] = [];
  const schedules: Schedule[] = [];
  if (!Array.isArray(raw)) return { schedules, problems: ['not a list of schedules'] };
  const seen = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const at = `schedules[${index}]`;
    if (!isRecord(item)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const { id, job, cron, params } = item;
    const before = problems.length;
    if (typeof id !== 'string' || !idPattern.test(id))
      problems.push(`${at}.id: missing or invalid`);
    else if (seen.has(id)) problems.push(`${at}.id: "${id}" used twice`);
    if (typeof job !== 'string' || job.trim() === '') problems.push(`${at}.job: missing`);
    if (typeof cron !== 'string' || cron.trim().split(/\s+/).length !== 5)
      problems.push(`${at}.cron: not five cron fields (minute hour day month weekday)`);
    if (params !== undefined && !isRecord(params)) problems.push(`${at}.params: not an object`);
    if (problems.length > before) return;
    seen.add(id as string);
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries((params as Record<string, unknown> | undefined) ?? {}))
      values[k] = String(v);
    schedules.push({
      id: id as string,
      job: job as string,
      cron: (cron as string).trim(),
      params: values,
    });
  });
  return { schedules, problems };
}

/** The UTC minute fields of a moment. */
export function toMinuteDigest(at: Date): MinuteDigest {
  return {
    min: at.getUTCMinutes(),
    hour: at.getUTCHours(),
    date: at.getUTCDate(),
    month: at.getUTCMonth() + 1,
    dow: at.getUTCDay(),
  };
}

const minute = 60_000;

/** The start of the first whole minute strictly after `at`. */
export function nextMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / minute) * minute + minute);
}

/**
 * The next minute after `after` that `matches` accepts, looking at most `horizonDays` ahead
 * (a schedule for February 30th never matches).
 */
export function nextFire(
  matches: (digest: MinuteDigest) => boolean,
  after: Date,
  horizonDays = 366,
): Date | undefined {
  let at = nextMinute(after);
  for (let i = 0; i < horizonDays * 1440; i++, at = new Date(at.getTime() + minute))
    if (matches(toMinuteDigest(at))) return at;
  return undefined;
}
