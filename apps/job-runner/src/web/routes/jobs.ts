import { Hono } from 'hono';
import type { JobDefinition } from '../../core/job-metadata.js';
import { validateParams } from '../../core/job-params.js';
import { wordParamProblem } from '../../render.js';
import { readLastRuns, readLastScheduledRuns } from '../../adapters/run-summaries.js';
import { jobPage, jobsPage, messagePage, schedulesPage } from '../pages.js';
import {
  lastValue,
  pageContext,
  type FormValues,
  type WebAppConfig,
  type WebDeps,
  type WebEnv,
} from '../context.js';

/** Form fields to raw input; unknown names are left out. */
function formInput(form: FormValues, job: JobDefinition): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of job.fields) {
    const value = lastValue(form, field.name);
    if (value !== undefined) input[field.name] = value;
  }
  return input;
}

/** The job list, a job's generated form, and starting a run from it. */
export function jobRoutes(deps: WebDeps, config: WebAppConfig): Hono<WebEnv> {
  const routes = new Hono<WebEnv>();
  const t = deps.t;
  const findJob = (name: string) => deps.jobs().find((j) => j.name === name);

  routes.get('/', async (c) =>
    c.html(
      jobsPage(pageContext(c, deps, config, false), deps.jobs(), await readLastRuns(deps.store)),
    ),
  );

  routes.get('/schedules', async (c) =>
    c.html(
      schedulesPage(
        pageContext(c, deps, config, false),
        deps.schedules?.() ?? [],
        await readLastScheduledRuns(deps.store),
      ),
    ),
  );

  routes.get('/jobs/:name', (c) => {
    const job = findJob(c.req.param('name'));
    if (!job)
      return c.html(
        messagePage(pageContext(c, deps, config, false), '404', t('web.notFound')),
        404,
      );
    return c.html(jobPage(pageContext(c, deps, config, true), job));
  });

  routes.post('/jobs/:name/runs', async (c) => {
    const ctx = pageContext(c, deps, config, true);
    const job = findJob(c.req.param('name'));
    if (!job) return c.html(messagePage(ctx, '404', t('web.notFound')), 404);
    const input = formInput(c.get('form'), job);
    const check = validateParams(job.fields, input);
    if (check.problems.length || check.missing.length) {
      const problems = [
        ...check.problems.map((p) => wordParamProblem(p, t)),
        ...check.missing.map((f) => t('web.missing', { field: f.label })),
      ];
      return c.html(jobPage(ctx, job, input, problems), 400);
    }
    const id = await deps.startRun({ job: job.name, input, startedBy: 'web' });
    return c.redirect(`/runs/${id}`, 303);
  });

  return routes;
}
