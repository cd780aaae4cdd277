/** What the Google Sheets and Calendar adapters share: options, the call counter and the lazy client. */
import type { AuthClient } from 'google-auth-library';
import {
  createGoogleAuthClient,
  describeAuth,
  type AuthClientOptions,
  type GoogleAuthConfig,
} from './auth.js';
import { createGoogleCaller, type GoogleCallOptions, type GoogleCaller } from './google-call.js';

/** Options every Google adapter takes. */
export interface GoogleAdapterOptions extends GoogleCallOptions {
  /** Credentials (see `resolveGoogleAuth`). */
  auth: GoogleAuthConfig;
  /** Send every call to this root instead of Google (`GOOGLE_API_ROOT_URL`; the testkit stand-in). */
  rootUrl?: string;
  /** OAuth scopes (each adapter has its default). */
  scopes?: readonly string[];
  /** Passed to `createGoogleAuthClient` (token URL, env, sign-in). */
  authOptions?: AuthClientOptions;
}

/**
 * The adapter's caller (shared when `options.caller` is given) and its googleapis client of
 * one API, made once on first use: the API package and the credentials load together, so
 * nothing is imported before the first call.
 */
export function googleAdapter<M, C>(
  options: GoogleAdapterOptions,
  defaultScopes: readonly string[],
  load: () => Promise<M>,
  build: (module: M, auth: AuthClient, rootUrl: string | undefined) => C,
): { caller: GoogleCaller; api: () => Promise<C> } {
  const caller =
    options.caller ??
    createGoogleCaller({
      ...options,
      authSource: options.authSource ?? describeAuth(options.auth),
    });
  let client: Promise<C> | undefined;
  const api = (): Promise<C> =>
    (client ??= Promise.all([
      load(),
      createGoogleAuthClient(options.auth, options.scopes ?? defaultScopes, options.authOptions),
    ]).then(([module, auth]) => build(module, auth, options.rootUrl || undefined)));
  return { caller, api };
}
