import { ToolbeltError } from '@toolbelt/errors';

/** Environment variables as `process.env` holds them (or a parsed `.env` file). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, with empty strings (`SMTP_HOST=` in a .env file) treated as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The CONFIG error cli-kit renders as a list of problems plus how to fix them. */
export function configError(problems: readonly string[], hint?: string): ToolbeltError {
  return new ToolbeltError(
    'CONFIG',
    `Configuration is missing or invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    {
      key: 'common:errors.config',
      problems,
      ...(hint ? { hint } : {}),
    },
  );
}
