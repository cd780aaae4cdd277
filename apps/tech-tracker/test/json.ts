import { errorCodes } from '@toolbelt/errors';
import { z } from 'zod';
import { SHARED_FIELDS } from '../src/core/layout.js';

const count = z.number().int().nonnegative();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The `--json` result of `tech-tracker sync`: the contract machines read on stdout. */
export const syncReportSchema = z.strictObject({
  schoolYear: z.string().regex(/^\d{2}-\d{2}$/),
  dryRun: z.boolean(),
  today: isoDay,
  mot: z.string().min(1),
  tracker: z.string().min(1),
  counts: z.strictObject({
    appended: count,
    updated: count,
    keyChanges: count,
    rescinded: count,
    unchanged: count,
    notInMot: count,
  }),
  changes: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('append'), id: z.string(), values: z.array(z.string()) }),
      z.strictObject({
        kind: z.literal('update'),
        id: z.string(),
        field: z.enum(SHARED_FIELDS),
        from: z.string(),
        to: z.string(),
        key: z.boolean(),
      }),
      z.strictObject({ kind: z.literal('rescind'), id: z.string(), stamp: z.string() }),
    ]),
  ),
  wrote: z.enum(['rows', 'stamp', 'none']),
  stamp: z.string().regex(/^LAST UPDATED: \d{2}\/\d{2}\/\d{2} @ \d{1,2}:\d{2} (AM|PM)$/),
  backup: z.string().optional(),
  apiCalls: z.strictObject({ total: count, byMethod: z.record(z.string(), count) }),
  notifications: z.array(
    z.strictObject({
      channel: z.enum(['email', 'slack']),
      target: z.string(),
      ok: z.boolean(),
      to: z.array(z.string()).optional(),
      error: z.string().optional(),
    }),
  ),
});

/** The `--json` output of a failed run (every Toolbelt CLI's error shape). */
export const errorJsonSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(errorCodes),
    exitCode: z.number().int(),
    message: z.string().min(1),
    hint: z.string().optional(),
    problems: z.array(z.string()).optional(),
    cause: z.string().optional(),
  }),
});

/** A sync's `--json` stdout, checked against the contract. */
export function parseSyncReport(stdout: string): z.infer<typeof syncReportSchema> {
  return syncReportSchema.parse(JSON.parse(stdout));
}

/** A failed run's `--json` stdout, checked against the contract. */
export function parseErrorJson(stdout: string): z.infer<typeof errorJsonSchema>['error'] {
  return errorJsonSchema.parse(JSON.parse(stdout)).error;
}
