/** Replacement text for every secret value. */
export const REDACTED = '***';

/**
 * Parts of a name that say its value is a secret, in any case, with or without `-`/`_`
 * between words: `SMTP_PASSWORD`, `GMAIL_PWD`, `client-key`, `clientKey`, `apiKey`,
 * `SLACK_WEBHOOK_URL`, `JOB_RUNNER_TOKEN`, `MASTER_HASH`, `consumer_key`, `sslkey`.
 */
const SECRET_KEY =
  /pass(word)?|pwd|secret|token|webhook|api[-_]?key|client[-_]?key|private[-_]?key|authorization|master[-_]?hash|cookie|sslkey|credential/i;

/** `key` as a word of its own after another word: `ACCESS_KEY`, `signing-key`, `consumer_key`. */
const KEY_WORD = /[a-z0-9][-_.]key($|[-_.])/i;

/** A name that holds where a secret is, not the secret: `CREDENTIALS_FILE`, `SSH_KEY_PATH`. */
const NAMES_A_PLACE = /[-_.](file|path|dir|folder)$/i;

/**
 * Names that look like secret names but hold paths: PWD is the working directory,
 * GOOGLE_APPLICATION_CREDENTIALS the path of a service-account key file.
 */
const NOT_SECRET = new Set(['PWD', 'OLDPWD', 'GOOGLE_APPLICATION_CREDENTIALS']);

/**
 * THE secret-name rule of Toolbelt: true for variable, flag and object-key names whose values
 * must never be shown (password, token, client key, webhook URL, ...). Used by the logger's
 * redaction, job-runner (masked job flags and env values) and db (URL query parameters).
 */
export function isSecretKey(key: string): boolean {
  if (NOT_SECRET.has(key.toUpperCase())) return false;
  if (SECRET_KEY.test(key) && !(/credential/i.test(key) && NAMES_A_PLACE.test(key))) return true;
  return KEY_WORD.test(key) && !NAMES_A_PLACE.test(key);
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
    // A boolean under a secret name (`hasCredentials`) says whether there is one: never a secret.
    out[key] =
      isSecretKey(key) && v !== undefined && v !== null && v !== '' && typeof v !== 'boolean'
        ? REDACTED
        : redactValue(v, text, seen);
  }
  return out;
}
