/** Environment variables as `process.env` holds them (or a parsed `.env` file). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, with empty strings (`SMTP_HOST=` in a .env file) treated as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
