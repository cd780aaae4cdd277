import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { loginPage } from '../pages.js';
import {
  lastValue,
  pageContext,
  sameSecret,
  setSessionCookie,
  type WebAppConfig,
  type WebDeps,
  type WebEnv,
} from '../context.js';

/**
 * The login form. Wrong tokens are throttled per client address (a growing wait, then a
 * lockout during which even the right token is refused); a good one replaces the anonymous
 * session by a new logged-in one, so a session id seen before the login is worth nothing.
 */
export function loginRoutes(deps: WebDeps, config: WebAppConfig): Hono<WebEnv> {
  const routes = new Hono<WebEnv>();
  const t = deps.t;

  routes.get('/login', (c) => c.html(loginPage(pageContext(c, deps, config, true))));

  routes.post('/login', (c) => {
    const ctx = pageContext(c, deps, config, true);
    const client = getConnInfo(c).remote.address ?? 'unknown';
    const verdict = config.throttle.check(client);
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      c.header('retry-after', String(seconds));
      return c.html(loginPage(ctx, t('web.throttled', { seconds })), 429);
    }
    const given = lastValue(c.get('form'), 'token') ?? '';
    if (!config.token || !sameSecret(given, config.token)) {
      config.throttle.failed(client);
      return c.html(loginPage(ctx, t('web.badToken')), 401);
    }
    config.throttle.succeeded(client);
    const before = c.get('session');
    if (before) config.sessions.remove(before.id);
    setSessionCookie(c, config, config.sessions.create(true));
    return c.redirect('/', 303);
  });

  return routes;
}
