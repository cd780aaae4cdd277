import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { messages } from '../i18n/index.js';
import { createApp } from './app.js';
import type { WebAppConfig, WebDeps } from './context.js';
import { planAllowedHosts } from './host-check.js';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle.js';
import { createSessionStore, type SessionStoreOptions } from './sessions.js';

export type { WebDeps } from './context.js';

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** Address to bind (default 127.0.0.1). Any other address requires `token`. */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Login token (`JOB_RUNNER_TOKEN`); required off the default loopback address. */
  token?: string;
  /**
   * Further names the UI is reached by (`--allowed-host`, `JOB_RUNNER_ALLOWED_HOSTS`): a proxy's
   * or the machine's DNS name. The bound address and the loopback names are always allowed.
   */
  allowedHosts?: readonly string[];
  /** Lines shown on a log page before "earlier lines" (default 500). */
  pageLines?: number;
  /** How often live pages look for new lines (default 250 ms). */
  pollMs?: number;
  /** Largest request body in bytes (default 1 MiB); bigger ones get 413. */
  bodyLimit?: number;
  /** Session expiry and bound. */
  sessions?: SessionStoreOptions;
  /** Wrong-token throttling. */
  loginThrottle?: LoginThrottleOptions;
}

/** A running web UI. */
export interface WebServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const defaultLoopback = new Set(['127.0.0.1', 'localhost', '::1']);
const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

/** This machine's name and addresses, which a wildcard bind (0.0.0.0, ::) answers to. */
function localNames(): string[] {
  const names = [hostname()];
  for (const list of Object.values(networkInterfaces()))
    for (const info of list ?? []) names.push(info.address);
  return names;
}

/** True when the UI may run without a login: bound to the default loopback address only. */
export function isDefaultLoopback(host: string): boolean {
  return defaultLoopback.has(host);
}

/** Start the web UI ({@link createApp}) on `host:port`; the one place that listens. */
export async function startWebServer(
  deps: WebDeps,
  options: WebServerOptions = {},
): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const requireLogin = !isDefaultLoopback(host);
  if (requireLogin && !options.token) {
    throw messages.error('CONFIG', 'errors.needToken', { host });
  }
  const closing = new AbortController();
  const config: WebAppConfig = {
    requireLogin,
    token: options.token || undefined,
    allowedHosts: planAllowedHosts(host, options.allowedHosts ?? [], localNames()),
    sessions: createSessionStore(options.sessions),
    throttle: createLoginThrottle(options.loginThrottle),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    pageLines: options.pageLines ?? 500,
    pollMs: options.pollMs ?? 250,
    publicDir,
    signal: closing.signal,
  };
  const app = createApp(deps, config);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    async close() {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
