/**
 * What a job may see of the runner's environment: a small allowlist of variables every
 * program needs, plus what the job declares. Everything else (SMTP_PASSWORD, DATABASE_URL,
 * cloud keys, the runner's own JOB_RUNNER_* settings) stays with the runner.
 */

import { isSecretKey } from '@toolbelt/log';

/** Variables every job gets when the runner has them. */
export const baseEnvNames: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TERM',
  'NO_COLOR',
  'FORCE_COLOR',
  'TOOLBELT_LANG',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_DATA_HOME',
  'XDG_RUNTIME_DIR',
  // Windows: programs do not start without these.
  'SYSTEMROOT',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'PROGRAMDATA',
];

/** Prefixes of variables every job gets (locale settings). */
const basePrefixes = ['LC_'];

/**
 * Variables that make a program load code or options from elsewhere. No job gets them, even
 * when it declares them: a job's metadata must not be able to change how Node or the dynamic
 * loader starts it.
 */
const forbiddenNames = new Set([
  'NODE_OPTIONS',
  'NODE_PATH',
  'NODE_REPL_EXTERNAL_MODULE',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'LD_PRELOAD',
  'LD_LIBRARY_PATH',
  'LD_AUDIT',
  'BASH_ENV',
  'ENV',
  'PERL5OPT',
  'PYTHONSTARTUP',
  'PYTHONPATH',
  'RUBYOPT',
]);
const forbiddenPrefixes = ['JOB_RUNNER_', 'DYLD_'];

/** An environment variable name a job may declare. */
export const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True for names no job may receive (loader and interpreter options, the runner's own). */
export function isForbiddenEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return forbiddenNames.has(upper) || forbiddenPrefixes.some((p) => upper.startsWith(p));
}

function isBaseName(name: string): boolean {
  return baseEnvNames.includes(name) || basePrefixes.some((p) => name.startsWith(p));
}

/** The environment of a job: the allowlist and the declared names, taken from `base`. */
export function planJobEnv(
  base: Readonly<Record<string, string | undefined>>,
  declared: readonly string[] = [],
): NodeJS.ProcessEnv {
  const wanted = new Set(declared.filter((name) => !isForbiddenEnvName(name)));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || isForbiddenEnvName(name)) continue;
    if (isBaseName(name) || wanted.has(name)) env[name] = value;
  }
  return env;
}

/** Shorter values are not masked: masking "1" or "yes" would blank ordinary log text. */
const shortestMasked = 6;

/**
 * Values of declared variables that must not appear in stored log lines: those with a
 * secret-looking name, and the password of any URL-valued variable (`DATABASE_URL`).
 */
export function secretEnvValues(
  env: Readonly<Record<string, string | undefined>>,
  declared: readonly string[],
): string[] {
  const out: string[] = [];
  for (const name of declared) {
    const value = env[name];
    if (!value) continue;
    if (isSecretKey(name) && value.length >= shortestMasked) out.push(value);
    const password = urlPassword(value);
    if (password && password.length >= 3) out.push(password, decoded(password));
  }
  return [...new Set(out)];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function urlPassword(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).password || undefined;
  } catch {
    return undefined;
  }
}
