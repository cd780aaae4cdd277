import { z } from 'zod';

/** One planned write, as `--dry-run` and `--json` show it. */
const diffEntry = z.strictObject({
  kind: z.enum(['insert', 'update', 'delete']),
  id: z.string(),
  date: z.iso.date(),
  summary: z.string(),
  before: z.string().optional(),
});

const counts = z.strictObject({
  insert: z.number().int(),
  update: z.number().int(),
  delete: z.number().int(),
  unchanged: z.number().int(),
  foreign: z.number().int(),
});

const syncResult = z.strictObject({
  kind: z.enum(['google', 'ics']),
  location: z.string(),
  counts,
  changes: z.array(diffEntry),
  applied: z.number().int(),
  failed: z.array(
    z.strictObject({ id: z.string(), kind: diffEntry.shape.kind, message: z.string() }),
  ),
  calls: z.record(z.string(), z.number().int()).optional(),
});

const dateRange = z.strictObject({
  start: z.iso.date(),
  end: z.iso.date(),
  cycles: z.number().int(),
  totalDays: z.number().int(),
});

/** The `--json` result of `generate`: the contract machines read. */
export const generateResult = z.strictObject({
  rota: z.string(),
  seed: z.number().int(),
  dryRun: z.boolean(),
  replaceAll: z.boolean(),
  confirmed: z.boolean(),
  dateRange,
  days: z.array(
    z.strictObject({
      date: z.iso.date(),
      cycle: z.number().int(),
      leadGroup: z.string(),
      lead: z.string(),
      assist: z.string(),
    }),
  ),
  calendar: syncResult,
  icsExport: syncResult.optional(),
  fairness: z.strictObject({
    rows: z.array(
      z.strictObject({
        name: z.string(),
        group: z.string(),
        leads: z.number().int(),
        assists: z.number().int(),
        total: z.number().int(),
      }),
    ),
    spread: z.array(
      z.strictObject({ group: z.string(), leads: z.number().int(), assists: z.number().int() }),
    ),
  }),
  reports: z.array(z.string()),
});

/** `--json` output of a failed run. */
export const errorResult = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    exitCode: z.number().int(),
    message: z.string(),
    hint: z.string().optional(),
    problems: z.array(z.string()).optional(),
    cause: z.string().optional(),
  }),
});

const weekdays = z.strictObject({
  Monday: z.number().int(),
  Tuesday: z.number().int(),
  Wednesday: z.number().int(),
  Thursday: z.number().int(),
  Friday: z.number().int(),
  Saturday: z.number().int(),
  Sunday: z.number().int(),
});

/** `config-report.json` of `--report-dir`. */
export const configReport = z.strictObject({
  rota: z.string(),
  dateRange,
  calendar: z.strictObject({ kind: z.enum(['google', 'ics']), name: z.string(), id: z.string() }),
  team: z.strictObject({
    startCycleWith: z.string(),
    groups: z.record(z.string(), z.array(z.string())),
  }),
  seed: z.number().int(),
  holidaysSkipped: z.array(z.iso.date()),
});

/** `days-worked.json` of `--report-dir`. */
export const daysWorked = z.strictObject({
  rota: z.string(),
  dateRange,
  people: z.array(
    z.strictObject({
      name: z.string(),
      group: z.string(),
      lead: weekdays,
      assist: weekdays,
      leadTotal: z.number().int(),
      assistTotal: z.number().int(),
      total: z.number().int(),
    }),
  ),
});

/** Parses stdout (or a file's text) as JSON and checks it against `schema`. */
export function parseJson<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  return schema.parse(JSON.parse(text));
}
