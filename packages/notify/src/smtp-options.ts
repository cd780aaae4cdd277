import { isEmailAddress, isRecipient, MAX_RECIPIENTS_PER_MESSAGE } from './recipients.js';
import { settingProblem, type SettingProblem } from './setting-problem.js';

/** Options of the SMTP adapter. Give `url`, or `host` (and the rest as needed). */
export interface SmtpMailerOptions {
  /**
   * `smtp://user:password@host:port` (STARTTLS when offered) or `smtps://...` (TLS from the
   * start). User and password are URL-encoded. `user`/`password` below fill in when the URL
   * has none.
   */
  url?: string;
  /** Server name, e.g. `smtp.gmail.com`. */
  host?: string;
  /** Default 465 when `secure`, else 587. */
  port?: number;
  /** TLS from the first byte (port 465). Default: true for port 465, else false (STARTTLS). */
  secure?: boolean;
  /** Login name; no AUTH when unset. */
  user?: string;
  /** Login password or app password; never put in messages, results or logs. */
  password?: string;
  /** Sender for messages without their own `from`. Default: `user` when it is an address. */
  from?: string;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. Default false. */
  requireTls?: boolean;
  /** Check the server's TLS certificate. Default true; false only for test servers. */
  rejectUnauthorized?: boolean;
  /** Wait this long for the TCP connection and the greeting. Default 30 000 ms. */
  connectionTimeoutMs?: number;
  /** Give up on a silent connection after this long. Default 60 000 ms. */
  socketTimeoutMs?: number;
  /** Recipients per message. Default and maximum 100. */
  maxRecipientsPerMessage?: number;
  /**
   * Times a message is sent again after a transient 4xx reply (451, 421, 452...). Default 3;
   * 0 turns retries off. A refusal that outlasts them is a TEMPFAIL result.
   */
  deferredRetries?: number;
  /** First wait before resending after a 4xx reply, doubled each time. Default 2 000 ms. */
  deferredBackoffMs?: number;
  /** Waits between attempts; tests may inject a recording one. Default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** The options with defaults applied and validated. */
export interface ResolvedSmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
  requireTls: boolean;
  rejectUnauthorized: boolean;
  connectionTimeoutMs: number;
  socketTimeoutMs: number;
  maxRecipientsPerMessage: number;
  deferredRetries: number;
  deferredBackoffMs: number;
  /** `smtp://host:port` or `smtps://host:port`: for messages, without credentials. */
  target: string;
}

/** Gmail's submission server with implicit TLS; log in with the account and an app password. */
export const GMAIL_SMTP = { host: 'smtp.gmail.com', port: 465, secure: true } as const;

/** Sender used when nothing better is known. */
export const DEFAULT_FROM = 'toolbelt@localhost';

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

interface UrlParts {
  host: string;
  port: number | undefined;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
}

/** Parses an `smtp://` / `smtps://` URL; the problem text never repeats the URL (it may hold a password). */
export function parseSmtpUrl(
  url: string,
  name = 'SMTP_URL',
): { parts?: UrlParts; problem?: SettingProblem } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: settingProblem(name, 'smtpUrl') };
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    return { problem: settingProblem(name, 'smtpScheme', { scheme: parsed.protocol }) };
  }
  if (parsed.hostname === '') return { problem: settingProblem(name, 'noHost') };
  const port = parsed.port === '' ? undefined : Number(parsed.port);
  try {
    return {
      parts: {
        host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        secure: parsed.protocol === 'smtps:',
        user: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
        password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
      },
    };
  } catch {
    return { problem: settingProblem(name, 'urlEncoding') };
  }
}

/**
 * Applies defaults and checks the options; returns every problem found (pure).
 * Problems name the option, never the password.
 */
export function resolveSmtpOptions(options: SmtpMailerOptions): {
  resolved?: ResolvedSmtpOptions;
  /** Every problem of the options (url, host, port, user, password, from, limits), as data. */
  settingProblems: SettingProblem[];
} {
  const settingProblems: SettingProblem[] = [];
  let host = options.host;
  let port = options.port;
  let secure = options.secure;
  let user = options.user;
  let password = options.password;

  if (options.url !== undefined) {
    const { parts, problem } = parseSmtpUrl(options.url, 'url');
    if (problem) settingProblems.push(problem);
    if (parts) {
      host = parts.host;
      port = parts.port ?? port;
      secure = parts.secure;
      user = parts.user ?? user;
      password = parts.password ?? password;
    }
  } else if (host === undefined || host.trim() === '') {
    settingProblems.push(settingProblem('host', 'hostRequired'));
  }
  if (port !== undefined && !isPort(port))
    settingProblems.push(settingProblem('port', 'optionPort', { value: String(port) }));
  if (user !== undefined && password === undefined)
    settingProblems.push(settingProblem('password', 'passwordRequired'));
  if (password !== undefined && user === undefined)
    settingProblems.push(settingProblem('user', 'userRequired'));
  if (options.from !== undefined && !isRecipient(options.from))
    settingProblems.push(settingProblem('from', 'address', { value: options.from }));
  const max = options.maxRecipientsPerMessage ?? MAX_RECIPIENTS_PER_MESSAGE;
  if (!Number.isInteger(max) || max < 1 || max > MAX_RECIPIENTS_PER_MESSAGE)
    settingProblems.push(
      settingProblem('maxRecipientsPerMessage', 'wholeNumberRange', {
        min: 1,
        max: MAX_RECIPIENTS_PER_MESSAGE,
      }),
    );
  const retries = options.deferredRetries ?? 3;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10)
    settingProblems.push(
      settingProblem('deferredRetries', 'wholeNumberRange', { min: 0, max: 10 }),
    );
  if (
    options.deferredBackoffMs !== undefined &&
    (!Number.isFinite(options.deferredBackoffMs) || options.deferredBackoffMs < 0)
  )
    settingProblems.push(settingProblem('deferredBackoffMs', 'nonNegativeMs'));
  for (const [name, value] of [
    ['connectionTimeoutMs', options.connectionTimeoutMs],
    ['socketTimeoutMs', options.socketTimeoutMs],
  ] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value <= 0))
      settingProblems.push(settingProblem(name, 'positiveMs'));
  }
  if (settingProblems.length > 0 || host === undefined) return { settingProblems };

  const isSecure = secure ?? port === 465;
  const finalPort = port ?? (isSecure ? 465 : 587);
  const from = options.from ?? (user !== undefined && isEmailAddress(user) ? user : DEFAULT_FROM);
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    settingProblems,
    resolved: {
      host,
      port: finalPort,
      secure: isSecure,
      user,
      password,
      from,
      requireTls: options.requireTls ?? false,
      rejectUnauthorized: options.rejectUnauthorized ?? true,
      connectionTimeoutMs: options.connectionTimeoutMs ?? 30_000,
      socketTimeoutMs: options.socketTimeoutMs ?? 60_000,
      maxRecipientsPerMessage: max,
      deferredRetries: retries,
      deferredBackoffMs: options.deferredBackoffMs ?? 2000,
      target: `${isSecure ? 'smtps' : 'smtp'}://${hostForUrl}:${finalPort}`,
    },
  };
}
