import { setMaxListeners } from 'node:events';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { isFinished, runStatuses, type RunStatus } from '../../core/run-status.js';
import type { RunQuery } from '../../adapters/run-store.js';
import { streamLogText } from '../../adapters/run-summaries.js';
import { wordReason } from '../../render.js';
import { createSharedReads } from '../shared-reads.js';
import { historyPage, jobPage, messagePage, runPage } from '../pages.js';
import { pageContext, type WebAppConfig, type WebDeps, type WebEnv } from '../context.js';

const runId = '/runs/:id{[0-9]+}';

/** History, a run's log page with its live lines, cancel and re-run. */
export function runRoutes(deps: WebDeps, config: WebAppConfig): Hono<WebEnv> {
  const routes = new Hono<WebEnv>();
  const t = deps.t;
  // Live followers of one run share their reads (one query per page, not one per follower).
  const follow = createSharedReads(deps.store);
  // Each open event stream listens for the server's shutdown: many followers are expected.
  setMaxListeners(10_000, config.signal);

  routes.get('/runs', async (c) => {
    const status = c.req.query('status');
    const before = Number(c.req.query('before'));
    const search = c.req.query('q');
    const job = c.req.query('job');
    const query: RunQuery = {
      search: search || undefined,
      job: job || undefined,
      status:
        status && (runStatuses as readonly string[]).includes(status)
          ? (status as RunStatus)
          : undefined,
      beforeId: before > 0 ? before : undefined,
      limit: 50,
    };
    const runs = await deps.store.listRuns(query);
    const ctx = pageContext(c, deps, config, true);
    return c.html(
      historyPage(
        ctx,
        runs,
        query,
        deps.jobs().map((j) => j.name),
      ),
    );
  });

  routes.get(runId, async (c) => {
    const run = await deps.store.getRun(Number(c.req.param('id')));
    if (!run)
      return c.html(
        messagePage(pageContext(c, deps, config, false), '404', t('web.notFound')),
        404,
      );
    const before = Number(c.req.query('before'));
    const lines = await deps.store.readTail(
      run.id,
      config.pageLines,
      before > 0 ? before : undefined,
    );
    const first = lines[0]?.seq ?? 0;
    return c.html(
      runPage(pageContext(c, deps, config, true), run, lines, {
        earlierBefore: first > 1 ? first : undefined,
        live: !(before > 0),
      }),
    );
  });

  // The whole log as a text file, streamed from the database page by page.
  routes.get(`${runId}/log.txt`, async (c) => {
    const run = await deps.store.getRun(Number(c.req.param('id')));
    if (!run) return c.text(t('web.notFound'), 404);
    const name = `run-${run.id}-${run.job.replace(/[^A-Za-z0-9._-]+/g, '_')}.log`;
    return new Response(streamLogText(deps.store, run.id), {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  routes.get(`${runId}/events`, async (c) => {
    const id = Number(c.req.param('id'));
    if (!(await deps.store.getRun(id))) return c.text(t('web.notFound'), 404);
    const start = Number(c.req.query('after') ?? c.req.header('last-event-id') ?? 0);
    c.header('cache-control', 'no-store');
    return streamSSE(c, async (stream) => {
      let after = Number.isFinite(start) && start > 0 ? start : 0;
      let lastState = '';
      const stopped = () => stream.aborted || stream.closed || config.signal.aborted;
      const wake = new AbortController();
      const onClose = () => wake.abort();
      config.signal.addEventListener('abort', onClose, { once: true });
      stream.onAbort(onClose);
      await stream.write('retry: 2000\n\n');
      try {
        while (!stopped()) {
          const run = await follow.getRun(id);
          if (!run) break;
          // Drain what is stored, bounded per tick so one client cannot hog the database.
          for (let pages = 0; pages < 5 && !stopped(); pages++) {
            const lines = await follow.readLines(id, after, 2000);
            if (lines.length === 0) break;
            after = lines[lines.length - 1]!.seq;
            await stream.writeSSE({
              event: 'lines',
              id: String(after),
              data: JSON.stringify(
                lines.map((l) => ({ seq: l.seq, stream: l.stream, line: l.line })),
              ),
            });
            if (lines.length < 2000) break;
          }
          const state = `${run.status}:${run.lineCount}:${run.exitCode}`;
          if (state !== lastState) {
            lastState = state;
            await stream.writeSSE({
              event: 'status',
              data: JSON.stringify({
                status: run.status,
                exitCode: run.exitCode,
                reason: wordReason(run.reason, t),
                lineCount: run.lineCount,
                startedAt: run.startedAt?.toISOString() ?? null,
                finishedAt: run.finishedAt?.toISOString() ?? null,
              }),
            });
          }
          if (isFinished(run.status) && after >= run.lineCount) {
            await stream.writeSSE({ event: 'end', data: '{}' });
            break;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, config.pollMs);
            wake.signal.addEventListener('abort', () => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
      } finally {
        config.signal.removeEventListener('abort', onClose);
      }
    });
  });

  routes.post(`${runId}/cancel`, async (c) => {
    const ctx = pageContext(c, deps, config, true);
    const run = await deps.store.getRun(Number(c.req.param('id')));
    if (!run) return c.html(messagePage(ctx, '404', t('web.notFound')), 404);
    await deps.store.requestCancel(run.id, new Date());
    return c.redirect(`/runs/${run.id}`, 303);
  });

  routes.post(`${runId}/rerun`, async (c) => {
    const ctx = pageContext(c, deps, config, true);
    const run = await deps.store.getRun(Number(c.req.param('id')));
    const job = run && deps.jobs().find((j) => j.name === run.job);
    if (!run || !job) return c.html(messagePage(ctx, '404', t('web.notFound')), 404);
    const input: Record<string, string> = {};
    for (const [k, v] of Object.entries(run.params))
      if (!job.fields.find((f) => f.name === k)?.secret) input[k] = String(v);
    // Secrets were never stored: ask for them again on the prefilled form.
    if (job.fields.some((f) => f.secret && f.required)) return c.html(jobPage(ctx, job, input));
    const id = await deps.startRun({ job: job.name, input, startedBy: 'web', rerunOf: run.id });
    return c.redirect(`/runs/${id}`, 303);
  });

  return routes;
}
