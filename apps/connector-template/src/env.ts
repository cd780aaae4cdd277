import type { Env } from '@toolbelt/cli-kit';

/** The command environment without unset entries (what the connector SDK takes). */
export function definedEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}
