import type { Env } from '@toolbelt/i18n';

export type { Env };

/** A variable's value, with empty strings (`SMTP_HOST=` in a .env file) treated as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
