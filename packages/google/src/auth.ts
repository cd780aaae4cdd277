/**
 * Google credentials, three ways: a service-account key file (CI), the desktop OAuth flow of
 * `@google-cloud/local-auth` for a person at a terminal (token cached, mode 0600, refreshed
 * silently), or an access token from the environment (tests). google-auth-library is loaded
 * only when a client is actually built.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AuthClient, Credentials } from 'google-auth-library';
import type { Env } from '@toolbelt/i18n';
import type { ToolbeltError } from '@toolbelt/errors';
import { messages } from './i18n/index.js';

/** OAuth scopes each tool needs (least privilege). */
export const googleScopes = {
  /** Read and write spreadsheets the account can open (tech-tracker, learning-etl). */
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  /** Read spreadsheets only. */
  sheetsReadonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  /** Create, change and delete events in calendars the account can write (support-rota). */
  calendarEvents: 'https://www.googleapis.com/auth/calendar.events',
} as const;

/** Which credentials to use. */
export type GoogleAuthConfig =
  /**
   * A JSON key file. Its content decides: a service-account key (share the sheet/calendar with
   * its `client_email`), an OAuth "Desktop app" client (a person signs in once in the browser),
   * or an `authorized_user` file (gcloud application-default credentials).
   */
  | {
      kind: 'key-file';
      file: string;
      /** Variable the path came from, named in errors (default `CREDENTIALS_FILE`). */
      variable?: string;
      /** Service account with domain-wide delegation: act as this user. */
      subject?: string;
      /** OAuth client: token cache (default `<config dir>/toolbelt/google-token-<client hash>.json`). */
      tokenFile?: string;
      /** OAuth client: may the browser sign-in run? (default: when stdin and stdout are a TTY). */
      interactive?: boolean;
    }
  /** A ready access token (`GOOGLE_ACCESS_TOKEN`): tests and short scripts. */
  | { kind: 'access-token'; accessToken: string }
  /** A client built by the caller (any google-auth-library v10 AuthClient). */
  | { kind: 'client'; client: AuthClient; source?: string };

/** Options of {@link createGoogleAuthClient}. */
export interface AuthClientOptions {
  /** OAuth token endpoint (default Google's); tests point it at the stand-in's `tokenUrl`. */
  tokenUrl?: string;
  /** Environment for locating the config folder (default `process.env`). */
  env?: Env;
  /** Runs the browser sign-in (default `@google-cloud/local-auth`'s `authenticate`). */
  signIn?: (clientFile: string, scopes: string[]) => Promise<Credentials>;
}

/**
 * Pick credentials from the environment: `GOOGLE_ACCESS_TOKEN`, then `CREDENTIALS_FILE`
 * (the original tools' name), then `GOOGLE_APPLICATION_CREDENTIALS`. The kind of a key file
 * (service account or OAuth client) is read from the file when the client is built.
 */
export function resolveGoogleAuth(env: Env): GoogleAuthConfig {
  const token = env.GOOGLE_ACCESS_TOKEN?.trim();
  if (token) return { kind: 'access-token', accessToken: token };
  for (const variable of ['CREDENTIALS_FILE', 'GOOGLE_APPLICATION_CREDENTIALS']) {
    const file = env[variable]?.trim();
    if (file) return { kind: 'key-file', file, variable };
  }
  const params = { variables: 'CREDENTIALS_FILE or GOOGLE_APPLICATION_CREDENTIALS' };
  throw messages.error('AUTH', 'errors.noCredentials', params, {
    hint: messages.text('hints.authDocs'),
  });
}

/** Words for errors: where the credentials came from. */
export function describeAuth(config: GoogleAuthConfig): string {
  switch (config.kind) {
    case 'key-file':
      return `${config.variable ?? 'CREDENTIALS_FILE'}=${config.file}`;
    case 'access-token':
      return 'GOOGLE_ACCESS_TOKEN';
    case 'client':
      return config.source ?? 'the Google auth client';
  }
}

interface KeyFile {
  type?: string;
  client_email?: string;
  private_key?: string;
  installed?: { client_id?: string; client_secret?: string; redirect_uris?: string[] };
  web?: { client_id?: string; client_secret?: string; redirect_uris?: string[] };
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
}

async function readKeyFile(file: string, variable: string): Promise<KeyFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const params = { file, variable };
    throw messages.error('AUTH', 'errors.credentialsFileMissing', params, { cause: error });
  }
  try {
    return JSON.parse(text) as KeyFile;
  } catch (error) {
    throw invalidFile(file, variable, 'not JSON', error);
  }
}

function invalidFile(
  file: string,
  variable: string,
  reason: string,
  cause?: unknown,
): ToolbeltError {
  const params = { file, variable, reason };
  return messages.error('AUTH', 'errors.credentialsFileInvalid', params, { cause });
}

/** The user's config folder (XDG on Linux, Application Support on macOS, APPDATA on Windows). */
export function configDir(env: Env): string {
  if (env.XDG_CONFIG_HOME) return env.XDG_CONFIG_HOME;
  if (process.platform === 'win32' && env.APPDATA) return env.APPDATA;
  const home = env.HOME ?? homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support');
  return join(home, '.config');
}

/** Default token cache path for an OAuth client id. */
export function defaultTokenFile(clientId: string, env: Env): string {
  const hash = createHash('sha256').update(clientId).digest('hex').slice(0, 12);
  return join(configDir(env), 'toolbelt', `google-token-${hash}.json`);
}

interface TokenCache {
  scopes: string[];
  credentials: Credentials;
}

async function readTokenCache(file: string): Promise<TokenCache | undefined> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as TokenCache;
    return cache.credentials?.refresh_token ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** Write the token cache readable by the owner only (0600), atomically. */
export async function writeTokenCache(file: string, cache: TokenCache): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

async function localAuthSignIn(clientFile: string, scopes: string[]): Promise<Credentials> {
  const { authenticate } = await import('@google-cloud/local-auth');
  // local-auth brings its own (older) google-auth-library: take its tokens, not its client.
  const client = await authenticate({ keyfilePath: clientFile, scopes });
  return client.credentials;
}

/** Build a google-auth-library v10 client for `config` with `scopes`. */
export async function createGoogleAuthClient(
  config: GoogleAuthConfig,
  scopes: readonly string[],
  options: AuthClientOptions = {},
): Promise<AuthClient> {
  if (config.kind === 'client') return config.client;
  const { OAuth2Client, JWT } = await import('google-auth-library');
  const endpoints = options.tokenUrl ? { oauth2TokenUrl: options.tokenUrl } : undefined;
  if (config.kind === 'access-token') {
    const client = new OAuth2Client({ endpoints });
    client.setCredentials({ access_token: config.accessToken });
    return client;
  }
  const variable = config.variable ?? 'CREDENTIALS_FILE';
  const file = config.file;
  const key = await readKeyFile(file, variable);
  if (key.type === 'service_account') {
    if (!key.client_email || !key.private_key)
      throw invalidFile(file, variable, 'client_email or private_key missing');
    const subject = config.subject;
    const jwt = new JWT({
      email: key.client_email,
      key: key.private_key,
      scopes: [...scopes],
      subject,
    });
    // A self-signed JWT with scopes needs no token exchange; delegation (subject) does.
    if (!subject) jwt.useJWTAccessWithScope = true;
    return jwt;
  }
  if (key.type === 'authorized_user') {
    if (!key.refresh_token) throw invalidFile(file, variable, 'refresh_token missing');
    const client = new OAuth2Client({
      clientId: key.client_id,
      clientSecret: key.client_secret,
      endpoints,
    });
    client.setCredentials({ refresh_token: key.refresh_token });
    return client;
  }
  const installed = key.installed ?? key.web;
  if (!installed?.client_id)
    throw invalidFile(
      file,
      variable,
      'expected "type": "service_account" or an "installed" OAuth client',
    );
  const env = options.env ?? process.env;
  const tokenFile = config.tokenFile ?? defaultTokenFile(installed.client_id, env);
  const client = new OAuth2Client({
    clientId: installed.client_id,
    clientSecret: installed.client_secret,
    redirectUri: installed.redirect_uris?.[0],
    endpoints,
  });
  const cached = await readTokenCache(tokenFile);
  let cache: TokenCache;
  if (cached && scopes.every((s) => cached.scopes.includes(s))) {
    cache = cached;
  } else {
    const interactive = config.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    if (!interactive) {
      const params = { tokenFile, variable };
      throw messages.error('AUTH', 'errors.oauthNeedsTerminal', params);
    }
    const credentials = await (options.signIn ?? localAuthSignIn)(file, [...scopes]);
    cache = { scopes: [...scopes], credentials };
    await writeTokenCache(tokenFile, cache);
  }
  client.setCredentials(cache.credentials);
  // Refreshed tokens are saved so the next run starts with a valid one; Google may omit the
  // refresh token on refresh, so keep the one we have.
  client.on('tokens', (tokens: Credentials) => {
    cache = {
      scopes: cache.scopes,
      credentials: {
        ...cache.credentials,
        ...tokens,
        refresh_token: tokens.refresh_token ?? cache.credentials.refresh_token,
      },
    };
    void writeTokenCache(tokenFile, cache).catch(() => undefined);
  });
  return client;
}
