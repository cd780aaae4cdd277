/** Replacement text for every secret value. */
export const REDACTED = '***';

const SECRET_KEY =
  /(pass(word)?|pwd|secret|token|webhook|api[-_]?key|client[-_]?key|private[-_]?key|authorization|master[-_]?hash|cookie)/i;

/** Shell variables that look like secret names but hold paths (PWD is the working directory). */
const NOT_SECRET = new Set(['PWD', 'OLDPWD']);

/** True for object keys whose values must never be shown (password, token, ...). */
export function isSecretKey(key: string): boolean {
  return !NOT_SECRET.has(key.toUpperCase()) && SECRET_KEY.test(key);
}

const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]+:)([^@/\s]+)@/gi;

export interface Redactor {
  /** Replace every known secret value (and URL passwords) in a string. */
  text(value: string): string;
  /** Deep copy with secret-named keys and known secret values replaced. */
  value<T>(value: T): T;
  /** Register another secret value found at run time (a token, a decrypted credential). */
  add(secret: string | undefined): void;
}

/**
 * Builds a redactor for the given secret values. Values shorter than 4 characters are
 * ignored so that a secret like "1" does not blank every digit of a log.
 */
export function createRedactor(secrets: Iterable<string | undefined> = []): Redactor {
  const known = new Set<string>();
  const add = (secret: string | undefined): void => {
    if (secret && secret.length >= 4) known.add(secret);
  };
  for (const s of secrets) add(s);

  const text = (input: string): string => {
    let out = input.replace(URL_PASSWORD, `$1${REDACTED}@`);
    // Longest first, so that a secret containing another is replaced whole.
    for (const secret of [...known].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  };

  const value = <T>(input: T): T => redactValue(input, text, new WeakMap()) as T;

  return { text, value, add };
}

function redactValue(
  input: unknown,
  text: (s: string) => string,
  seen: WeakMap<object, unknown>,
): unknown {
  if (typeof input === 'string') return text(input);
  if (input === null || typeof input !== 'object') return input;
  if (seen.has(input)) return seen.get(input);
  if (Array.isArray(input)) {
    const out: unknown[] = [];
    seen.set(input, out);
    for (const item of input) out.push(redactValue(item, text, seen));
    return out;
  }
  if (input instanceof Date) return input;
  const out: Record<string, unknown> = {};
  seen.set(input, out);
  for (const [key, v] of Object.entries(input)) {
    out[key] =
      isSecretKey(key) && v !== undefined && v !== null && v !== ''
        ? REDACTED
        : redactValue(v, text, seen);
  }
  return out;
}
