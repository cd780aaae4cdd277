import { Hono, type MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { hostHeaderName, isAllowedHost } from './host-check.js';
import { messagePage } from './pages.js';
import {
  lastValue,
  pageContext,
  sameSecret,
  sessionCookie,
  type WebAppConfig,
  type WebContext,
  type WebDeps,
  type WebEnv,
} from './context.js';
import { jobRoutes } from './routes/jobs.js';
import { loginRoutes } from './routes/login.js';
import { runRoutes } from './routes/runs.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * DNS rebinding: a hostile page whose name now points at 127.0.0.1 reaches this server with its
 * own name in `Host`. Such a request gets 421 and nothing else: no page, no session, no token.
 */
function hostGuard(deps: WebDeps, config: WebAppConfig): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const header = c.req.header('host');
    if (isAllowedHost(header, config.allowedHosts)) return next();
    return c.text(deps.t('web.badHost', { host: hostHeaderName(header) ?? '?' }), 421);
  };
}

/** A POST must be a form of this site: the session's CSRF token, within the size limit. */
function formGuard(deps: WebDeps, config: WebAppConfig): MiddlewareHandler<WebEnv> {
  const limit = bodyLimit({
    maxSize: config.bodyLimit,
    onError: (c) =>
      c.html(
        messagePage(
          pageContext(c as WebContext, deps, config, false),
          '413',
          deps.t('web.tooLarge', { limit: config.bodyLimit }),
        ),
        413,
      ),
  });
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const refuse = () =>
      c.html(messagePage(pageContext(c, deps, config, false), '403', deps.t('web.badCsrf')), 403);
    if (!formTypes.test(c.req.header('content-type') ?? '')) return refuse();
    let refused: Response | undefined;
    const limited = await limit(c, async () => {
      const body = await c.req.parseBody({ all: true });
      const form = new Map<string, string[]>();
      for (const [name, value] of Object.entries(body)) {
        const values = (Array.isArray(value) ? value : [value]).filter(
          (v): v is string => typeof v === 'string',
        );
        form.set(name, values);
      }
      c.set('form', form);
      const session = c.get('session');
      if (!session || !sameSecret(lastValue(form, '_csrf') ?? '', session.csrf)) {
        refused = refuse();
        return;
      }
      await next();
    });
    return refused ?? limited;
  };
}

/** Off the default loopback address every page but the login needs a logged-in session. */
function loginGuard(config: WebAppConfig): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (!config.requireLogin || c.get('session')?.loggedIn) return next();
    if (c.req.method === 'GET' && c.req.path.endsWith('/events'))
      return c.text('login required', 401);
    return c.redirect('/login', 303);
  };
}

/**
 * The web UI as a Hono app: jobs, generated forms, live logs over server-sent events, history
 * with search and re-run. Pages are built with Hono's escaping `html` template, every POST
 * carries the session's CSRF token, and off the default loopback address every page needs a
 * login with the token. Routes live in `routes/`; more can be added with `app.route('/', ...)`
 * before the not-found handler matters (Hono matches in registration order).
 */
export function createApp(deps: WebDeps, config: WebAppConfig): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const t = deps.t;

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: false,
    }),
  );
  app.use(hostGuard(deps, config));
  app.get('/app.js', serveStatic({ root: config.publicDir }));
  app.get('/app.css', serveStatic({ root: config.publicDir }));
  app.use(async (c, next) => {
    c.set('session', config.sessions.find(getCookie(c, sessionCookie)));
    await next();
    c.header('cache-control', 'no-store');
  });
  // State-changing requests come from a page of this site: Origin or Sec-Fetch-Site says so.
  // The https form of this very Host is this site too (behind a TLS-terminating proxy).
  app.use(
    csrf({
      secFetchSite: 'same-origin',
      origin: (origin, c) =>
        origin === new URL(c.req.url).origin || origin === `https://${c.req.header('host') ?? ''}`,
    }),
  );
  app.use(formGuard(deps, config));
  app.route('/', loginRoutes(deps, config));
  app.use(loginGuard(config));
  app.route('/', jobRoutes(deps, config));
  app.route('/', runRoutes(deps, config));

  app.notFound((c) =>
    c.html(messagePage(pageContext(c, deps, config, false), '404', t('web.notFound')), 404),
  );
  app.onError((error, c) => {
    const ctx = pageContext(c, deps, config, false);
    if (error instanceof HTTPException) {
      const status = error.status;
      const message = status === 403 ? t('web.badOrigin') : error.message || String(status);
      return c.html(messagePage(ctx, String(status), message), status);
    }
    return c.html(messagePage(ctx, '500', error.message), 500);
  });
  return app;
}
