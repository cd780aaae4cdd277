import { ToolbeltError } from '@toolbelt/errors';
import type { z } from 'zod';

/** Result of validating configuration: data, or every problem at once. */
export type ConfigResult<T> = { ok: true; config: Readonly<T> } | { ok: false; problems: string[] };

/**
 * Validate raw settings (already merged: flags > env > .env > defaults) with a zod schema.
 * Every problem is reported, each naming the setting (`ITRESUME_CLIENT: required`).
 */
export function validateConfig<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): ConfigResult<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, config: deepFreeze(parsed.data) };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(config)';
    const isMissing =
      issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    return `${path}: ${isMissing ? 'required but not set' : issue.message}`;
  });
  return { ok: false, problems };
}

/** Like `validateConfig`, but throws a CONFIG error (exit 78) listing every problem. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  options: { envFile?: string } = {},
): Readonly<z.output<S>> {
  const result = validateConfig(schema, raw);
  if (result.ok) return result.config;
  throw configError(result.problems, options.envFile);
}

/** A CONFIG error (exit 78) that lists every problem and how to fix them. */
export function configError(problems: readonly string[], envFile = '.env'): ToolbeltError {
  return new ToolbeltError(
    'CONFIG',
    `Configuration is missing or invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    {
      key: 'common:errors.config',
      params: { envFile },
      problems,
      hint: `Set the variables in the environment or in ${envFile}, or pass the flags shown.`,
    },
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
