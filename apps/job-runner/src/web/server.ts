import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Translate } from '@toolbelt/i18n';
import { ToolbeltError } from '@toolbelt/errors';
import type { JobDefinition } from '../core/job-metadata.js';
import { validateParams } from '../core/job-params.js';
import { isFinished, runStatuses, type RunStatus } from '../core/run-status.js';
import type { RunQuery, RunStore } from '../adapters/run-store.js';
import { appCss, appJs } from './assets.js';
import {
  historyPage,
  jobPage,
  jobsPage,
  loginPage,
  messagePage,
  runPage,
  type PageContext,
} from './pages.js';

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
}

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** Address to bind (default 127.0.0.1). Any other address requires `token`. */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Login token (`JOB_RUNNER_TOKEN`); required off the default loopback address. */
  token?: string;
  /** Lines shown on a log page before "earlier lines" (default 500). */
  pageLines?: number;
  /** How often live pages look for new lines (default 250 ms). */
  pollMs?: number;
}

/** A running web UI. */
export interface WebServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const defaultLoopback = new Set(['127.0.0.1', 'localhost', '::1']);

/** True when the UI may run without a login: bound to the default loopback address only. */
export function isDefaultLoopback(host: string): boolean {
  return defaultLoopback.has(host);
}

interface Session {
  csrf: string;
  loggedIn: boolean;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}

async function readForm(req: IncomingMessage, limit = 1_000_000): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new ToolbeltError('USAGE', 'Form too large');
  }
  return new URLSearchParams(body);
}

/** Form fields to raw input; a checkbox sends "false" (hidden) then "true": the last wins. */
function formInput(form: URLSearchParams, job: JobDefinition): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of job.fields) {
    const all = form.getAll(field.name);
    if (all.length > 0) input[field.name] = all[all.length - 1]!;
  }
  return input;
}

/**
 * The web UI: jobs, generated forms, live logs over server-sent events, history with search
 * and re-run. Every page escapes what it shows, every POST carries the session's CSRF token,
 * and off the default loopback address every page needs a login with the token.
 */
export async function startWebServer(
  deps: WebDeps,
  options: WebServerOptions = {},
): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const requireLogin = !isDefaultLoopback(host);
  if (requireLogin && !options.token) {
    throw new ToolbeltError(
      'CONFIG',
      `Serving on ${host} needs a login token: set JOB_RUNNER_TOKEN`,
      { key: 'job-runner:errors.needToken', params: { host } },
    );
  }
  const pageLines = options.pageLines ?? 500;
  const pollMs = options.pollMs ?? 250;
  const sessions = new Map<string, Session>();
  const streams = new Set<ServerResponse>();
  const t = deps.t;

  const session = (req: IncomingMessage, res: ServerResponse): Session => {
    const sid = cookies(req).jr_sid;
    const found = sid ? sessions.get(sid) : undefined;
    if (found) return found;
    const id = randomBytes(24).toString('hex');
    const created: Session = { csrf: randomBytes(24).toString('hex'), loggedIn: false };
    sessions.set(id, created);
    res.setHeader('set-cookie', `jr_sid=${id}; HttpOnly; SameSite=Strict; Path=/`);
    return created;
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: string,
    type = 'text/html; charset=utf-8',
  ) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const redirect = (res: ServerResponse, location: string) => {
    res.writeHead(303, { location });
    res.end();
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'",
    );
    const url = new URL(req.url ?? '/', 'http://job-runner.invalid');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/app.js')
      return send(res, 200, appJs, 'text/javascript; charset=utf-8');
    if (req.method === 'GET' && path === '/app.css')
      return send(res, 200, appCss, 'text/css; charset=utf-8');
    const s = session(req, res);
    const ctx: PageContext = { t, lang: deps.lang, csrf: s.csrf };

    if (req.method === 'POST') {
      const form = await readForm(req);
      const given = form.get('_csrf') ?? '';
      if (!sameSecret(given, s.csrf))
        return send(res, 403, messagePage(ctx, '403', t('web.badCsrf')));
      if (path === '/login') {
        if (!options.token || !sameSecret(form.get('token') ?? '', options.token))
          return send(res, 401, loginPage(ctx, true));
        s.loggedIn = true;
        return redirect(res, '/');
      }
      if (requireLogin && !s.loggedIn) return redirect(res, '/login');
      return post(path, form, ctx, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, messagePage(ctx, '405', 'Method not allowed'));
    if (path === '/login') return send(res, 200, loginPage(ctx, false));
    if (requireLogin && !s.loggedIn) {
      if (path.endsWith('/events')) return send(res, 401, 'login required', 'text/plain');
      return redirect(res, '/login');
    }
    return get(url, ctx, req, res);
  }

  async function post(
    path: string,
    form: URLSearchParams,
    ctx: PageContext,
    res: ServerResponse,
  ): Promise<void> {
    let match = /^\/jobs\/([^/]+)\/runs$/.exec(path);
    if (match) {
      const job = deps.jobs().find((j) => j.name === decodeURIComponent(match![1]!));
      if (!job) return send(res, 404, messagePage(ctx, '404', t('web.notFound')));
      const input = formInput(form, job);
      const check = validateParams(job.fields, input);
      if (check.problems.length || check.missing.length) {
        const problems = [
          ...check.problems.map(
            (p) => `${p.field}: ${p.code}${p.value === undefined ? '' : ` (${p.value})`}`,
          ),
          ...check.missing.map((f) => `${f.label}: ${t('web.required')}`),
        ];
        return send(res, 400, jobPage(ctx, job, input, problems));
      }
      const id = await deps.startRun({ job: job.name, input, startedBy: 'web' });
      return redirect(res, `/runs/${id}`);
    }
    match = /^\/runs\/(\d+)\/(rerun|cancel)$/.exec(path);
    if (match) {
      const run = await deps.store.getRun(Number(match[1]));
      if (!run) return send(res, 404, messagePage(ctx, '404', t('web.notFound')));
      if (match[2] === 'cancel') {
        await deps.store.requestCancel(run.id, new Date());
        return redirect(res, `/runs/${run.id}`);
      }
      const job = deps.jobs().find((j) => j.name === run.job);
      if (!job) return send(res, 404, messagePage(ctx, '404', t('web.notFound')));
      const input: Record<string, string> = {};
      for (const [k, v] of Object.entries(run.params))
        if (!job.fields.find((f) => f.name === k)?.secret) input[k] = String(v);
      // Secrets were never stored: ask for them again on the prefilled form.
      if (job.fields.some((f) => f.secret && f.required))
        return send(res, 200, jobPage(ctx, job, input));
      const id = await deps.startRun({ job: job.name, input, startedBy: 'web', rerunOf: run.id });
      return redirect(res, `/runs/${id}`);
    }
    return send(res, 404, messagePage(ctx, '404', t('web.notFound')));
  }

  async function get(
    url: URL,
    ctx: PageContext,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const path = url.pathname;
    if (path === '/') return send(res, 200, jobsPage(ctx, deps.jobs()));
    let match = /^\/jobs\/([^/]+)$/.exec(path);
    if (match) {
      const job = deps.jobs().find((j) => j.name === decodeURIComponent(match![1]!));
      return job
        ? send(res, 200, jobPage(ctx, job))
        : send(res, 404, messagePage(ctx, '404', t('web.notFound')));
    }
    if (path === '/runs') {
      const status = url.searchParams.get('status');
      const before = Number(url.searchParams.get('before'));
      const query: RunQuery = {
        ...(url.searchParams.get('q') ? { search: url.searchParams.get('q')! } : {}),
        ...(url.searchParams.get('job') ? { job: url.searchParams.get('job')! } : {}),
        ...(status && (runStatuses as readonly string[]).includes(status)
          ? { status: status as RunStatus }
          : {}),
        ...(before > 0 ? { beforeId: before } : {}),
        limit: 50,
      };
      const runs = await deps.store.listRuns(query);
      return send(
        res,
        200,
        historyPage(
          ctx,
          runs,
          query,
          deps.jobs().map((j) => j.name),
        ),
      );
    }
    match = /^\/runs\/(\d+)(\/events)?$/.exec(path);
    if (match) {
      const run = await deps.store.getRun(Number(match[1]));
      if (!run) return send(res, 404, messagePage(ctx, '404', t('web.notFound')));
      if (match[2])
        return events(
          run.id,
          Number(url.searchParams.get('after') ?? req.headers['last-event-id'] ?? 0),
          req,
          res,
        );
      const before = Number(url.searchParams.get('before'));
      const lines = await deps.store.readTail(run.id, pageLines, before > 0 ? before : undefined);
      const first = lines[0]?.seq ?? 0;
      return send(
        res,
        200,
        runPage(ctx, run, lines, {
          ...(first > 1 ? { earlierBefore: first } : {}),
          live: !(before > 0),
        }),
      );
    }
    return send(res, 404, messagePage(ctx, '404', t('web.notFound')));
  }

  async function events(
    runId: number,
    afterSeq: number,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    let after = Number.isFinite(afterSeq) ? afterSeq : 0;
    let lastStatus = '';
    let closed = false;
    req.on('close', () => {
      closed = true;
      streams.delete(res);
    });
    while (!closed) {
      const run = await deps.store.getRun(runId);
      if (!run) break;
      // Drain what is stored (bounded per tick, so one client cannot hog the database).
      for (let pages = 0; pages < 5 && !closed; pages++) {
        const lines = await deps.store.readLines(runId, after, 2000);
        if (lines.length === 0) break;
        after = lines[lines.length - 1]!.seq;
        res.write(
          `event: lines\nid: ${after}\ndata: ${JSON.stringify(lines.map((l) => ({ seq: l.seq, stream: l.stream, line: l.line })))}\n\n`,
        );
        if (lines.length < 2000) break;
      }
      const state = `${run.status}:${run.lineCount}:${run.exitCode}`;
      if (state !== lastStatus) {
        lastStatus = state;
        res.write(
          `event: status\ndata: ${JSON.stringify({ status: run.status, exitCode: run.exitCode, reason: run.reason, lineCount: run.lineCount })}\n\n`,
        );
      }
      if (isFinished(run.status) && after >= run.lineCount) {
        res.write('event: end\ndata: {}\n\n');
        break;
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
    streams.delete(res);
    res.end();
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          messagePage(
            { t, lang: deps.lang, csrf: '' },
            '500',
            error instanceof Error ? error.message : String(error),
          ),
        );
      else res.end();
    });
  });
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
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
