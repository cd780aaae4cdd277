import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Translate } from '@toolbelt/i18n';
import type { JobDefinition } from '../core/job-metadata.js';
import type { RunStore } from '../adapters/run-store.js';
import type { PageContext } from './pages.js';
import type { LoginThrottle } from './login-throttle.js';
import type { Session, SessionStore } from './sessions.js';

/** What the web UI needs: the store, the jobs, and a way to start a run. */
export interface WebDeps {
  store: RunStore;
  jobs(): readonly JobDefinition[];
  /** Validate, store and start a run (queue or executioner); returns the run id. */
  startRun(request: {
    job: string;
    input: Record<string, string>;
    startedBy: string;
    rerunOf?: number;
  }): Promise<number>;
  t: Translate;
  lang: string;
  /** The schedules of the job folders (the schedules page; none when absent). */
  schedules?(): readonly ScheduleView[];
}

/** A schedule as the web UI shows it. */
export interface ScheduleView {
  id: string;
  job: string;
  cron: string;
  params: Readonly<Record<string, string>>;
  /** The next time it fires after `now`. */
  nextAfter(now: Date): Date | undefined;
}

/** Settings of the web app, resolved (see `startWebServer` for the defaults). */
export interface WebAppConfig {
  /** Every page needs a login with `token` (served off the default loopback address). */
  requireLogin: boolean;
  token?: string;
  /** Names a request's `Host` may carry. */
  allowedHosts: ReadonlySet<string>;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Largest request body in bytes; bigger ones get 413. */
  bodyLimit: number;
  /** Lines shown on a log page before "earlier lines". */
  pageLines: number;
  /** How often live pages look for new lines (ms). */
  pollMs: number;
  /** Folder of the page script and style sheet. */
  publicDir: string;
  /** Aborted when the server closes: live streams end. */
  signal: AbortSignal;
}

/** A submitted form: field name -> values in the order sent. */
export type FormValues = ReadonlyMap<string, readonly string[]>;

/** Hono environment of the app: what middleware hands to the routes. */
export interface WebEnv {
  Variables: {
    session: Session | undefined;
    form: FormValues;
  };
}

export type WebContext = Context<WebEnv>;

export const sessionCookie = 'jr_sid';

/** The session of this request, created (with its cookie) when the page shows a form. */
export function ensureSession(c: WebContext, config: WebAppConfig): Session {
  const found = c.get('session');
  if (found) return found;
  const created = config.sessions.create(false);
  setSessionCookie(c, config, created);
  return created;
}

export function setSessionCookie(c: WebContext, config: WebAppConfig, session: Session): void {
  setCookie(c, sessionCookie, session.id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.floor(config.sessions.idleMs / 1000),
  });
  c.set('session', session);
}

/** Page context for a page; `withForm` makes sure a session (and its CSRF token) exists. */
export function pageContext(
  c: WebContext,
  deps: WebDeps,
  config: WebAppConfig,
  withForm: boolean,
): PageContext {
  const session = withForm ? ensureSession(c, config) : c.get('session');
  return { t: deps.t, lang: deps.lang, csrf: session?.csrf ?? '' };
}

/** The last value of a form field (a checkbox sends "false" from a hidden input, then "true"). */
export function lastValue(form: FormValues, name: string): string | undefined {
  const all = form.get(name);
  return all && all.length > 0 ? all[all.length - 1] : undefined;
}

/** Compare two secrets in constant time (hashes, so lengths do not leak either). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
