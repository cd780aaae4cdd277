import type { Translate } from '@toolbelt/i18n';
import type { JobDefinition, JobField } from '../core/job-metadata.js';
import { formatElapsed, runElapsedMs } from '../core/elapsed.js';
import { localDateTime } from '@toolbelt/dates';
import { isFinished, runStatuses } from '../core/run-status.js';
import type { LogLine, RunQuery, RunRecord } from '../adapters/run-store.js';
import { wordReason } from '../render.js';
import type { ScheduleView } from './context.js';
import { markup, type Html } from './html.js';

/** What every page needs. */
export interface PageContext {
  t: Translate;
  lang: string;
  /** CSRF token of the session, put in every form. */
  csrf: string;
  /** The time now (durations of running runs); default the clock. */
  now?: Date;
}

/**
 * A moment: the server's local time in the page (the script turns it into the reader's),
 * the UTC value on hover.
 */
function timeHtml(at: Date | null): Html | string {
  if (!at) return '';
  const iso = at.toISOString();
  return markup`<time datetime="${iso}" title="${localDateTime(at, 'UTC')} UTC">${localDateTime(at)}</time>`;
}

function durationText(ctx: PageContext, run: RunRecord): string {
  const ms = runElapsedMs(run, ctx.now ?? new Date());
  if (ms === undefined) return '';
  return formatElapsed(ms, {
    h: ctx.t('ui.units.h'),
    min: ctx.t('ui.units.min'),
    s: ctx.t('ui.units.s'),
  });
}

function statusBadge(ctx: PageContext, run: RunRecord): Html {
  return markup`<span class="status" data-status="${run.status}">${ctx.t(`ui.statuses.${run.status}`)}</span>`;
}

function layout(ctx: PageContext, title: string, body: Html): string {
  return markup`<!doctype html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${ctx.t('web.title')}</title><link rel="stylesheet" href="/app.css"><script src="/app.js" defer></script></head>
<body><header><nav><a href="/">${ctx.t('web.jobs')}</a> <a href="/runs">${ctx.t('web.history')}</a> <a href="/schedules">${ctx.t('web.schedules')}</a></nav></header>
<main>${body}</main></body></html>`.toString();
}

function csrfField(ctx: PageContext): Html {
  return markup`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

/** The job list: the team's jobs first, the Toolbelt tools in their own section; last runs. */
export function jobsPage(
  ctx: PageContext,
  jobs: readonly JobDefinition[],
  lastRuns: ReadonlyMap<string, RunRecord> = new Map(),
): string {
  const item = (job: JobDefinition): Html => {
    const last = lastRuns.get(job.name);
    const lastHtml = last
      ? markup`<a class="last" href="/runs/${last.id}">${statusBadge(ctx, last)} ${timeHtml(last.startedAt ?? last.createdAt)}${last.startedAt ? markup` · <span class="duration">${durationText(ctx, last)}</span>` : ''}</a>`
      : markup`<span class="last never">${ctx.t('web.neverRun')}</span>`;
    return markup`<li data-job="${job.name}"><div class="job-head"><a class="job-name" href="/jobs/${encodeURIComponent(job.name)}">${job.name}</a>${lastHtml}</div><p class="desc">${job.description}</p></li>`;
  };
  const section = (id: string, title: string, list: readonly JobDefinition[]): Html | string =>
    list.length
      ? markup`<section id="${id}"><h2>${title}</h2><ul class="jobs">${list.map(item)}</ul></section>`
      : '';
  const team = jobs.filter((j) => j.kind !== 'toolbelt');
  const tools = jobs.filter((j) => j.kind === 'toolbelt');
  return layout(
    ctx,
    ctx.t('web.jobs'),
    markup`<h1>${ctx.t('web.jobs')}</h1>${jobs.length ? markup`${section('team-jobs', ctx.t('web.teamJobs'), team)}${section('toolbelt-tools', ctx.t('web.toolbeltTools'), tools)}` : markup`<p>${ctx.t('web.noJobs')}</p>`}`,
  );
}

function fieldInput(field: JobField, value: string | undefined): Html {
  const id = `f-${field.name}`;
  const current = value ?? (field.default === undefined ? '' : String(field.default));
  const required = field.required && field.type !== 'boolean';
  if (field.options) {
    const options = field.options.map(
      (o) => markup`<option value="${o}"${o === current ? markup` selected` : ''}>${o}</option>`,
    );
    return markup`<select id="${id}" name="${field.name}"${required ? markup` required` : ''}>${required && current === '' ? markup`<option value=""></option>` : ''}${options}</select>`;
  }
  if (field.type === 'boolean') {
    const checked = ['true', '1', 'yes', 'on'].includes(current.toLowerCase());
    return markup`<input type="hidden" name="${field.name}" value="false"><input id="${id}" type="checkbox" name="${field.name}" value="true"${checked ? markup` checked` : ''}>`;
  }
  if (field.type === 'text')
    return markup`<textarea id="${id}" name="${field.name}"${required ? markup` required` : ''}>${current}</textarea>`;
  const type = field.secret
    ? 'password'
    : field.type === 'number' || field.type === 'integer'
      ? 'number'
      : field.type === 'date'
        ? 'date'
        : 'text';
  const step = field.type === 'number' ? markup` step="any"` : '';
  // A secret is never echoed back into the page.
  const shown = field.secret ? '' : current;
  return markup`<input id="${id}" type="${type}" name="${field.name}" value="${shown}"${step}${required ? markup` required` : ''}${field.secret ? markup` autocomplete="off"` : ''}>`;
}

/** The form generated from a job's fields. */
export function jobPage(
  ctx: PageContext,
  job: JobDefinition,
  values: Record<string, string> = {},
  problems: readonly string[] = [],
): string {
  const fields = job.fields.map(
    (
      f,
    ) => markup`<div class="field"><label for="f-${f.name}">${f.label}${f.required ? markup` <span class="req" title="${ctx.t('web.required')}">*</span>` : ''}</label>
${fieldInput(f, values[f.name])}${f.help ? markup`<small>${f.help}</small>` : ''}</div>`,
  );
  const errors = problems.length
    ? markup`<ul class="problems">${problems.map((p) => markup`<li>${p}</li>`)}</ul>`
    : '';
  return layout(
    ctx,
    job.name,
    markup`<h1>${job.name}</h1><p>${job.description}</p>${errors}
<form method="post" action="/jobs/${encodeURIComponent(job.name)}/runs" class="job-form">${csrfField(ctx)}${fields}
<button type="submit">${ctx.t('web.execute')}</button></form>`,
  );
}

function statusText(ctx: PageContext, run: RunRecord): string {
  return ctx.t(`ui.statuses.${run.status}`);
}

function lineHtml(line: LogLine): Html {
  return markup`<div class="l ${line.stream}" data-seq="${line.seq}">${line.line}</div>`;
}

/** The log page: status, the tail of the log (or an earlier page), live lines after it. */
export function runPage(
  ctx: PageContext,
  run: RunRecord,
  lines: readonly LogLine[],
  paging: { earlierBefore?: number; live: boolean },
): string {
  const last = lines.length ? lines[lines.length - 1]!.seq : 0;
  const finished = isFinished(run.status);
  const earlier =
    paging.earlierBefore !== undefined
      ? markup`<p><a class="earlier" href="/runs/${run.id}?before=${paging.earlierBefore}">${ctx.t('web.earlier')}</a></p>`
      : '';
  // Only a run that can still stop has a Cancel button (the script removes it at the end).
  const cancel = finished
    ? ''
    : markup`<form method="post" action="/runs/${run.id}/cancel" class="inline" id="cancel-form">${csrfField(ctx)}<button type="submit">${ctx.t('web.cancel')}</button></form>`;
  const labels = Object.fromEntries(runStatuses.map((s) => [s, ctx.t(`ui.statuses.${s}`)]));
  return layout(
    ctx,
    `${ctx.t('web.run')} ${run.id}`,
    markup`<h1>${ctx.t('web.run')} ${run.id}: <a href="/jobs/${encodeURIComponent(run.job)}">${run.job}</a></h1>
<dl class="run"><dt>${ctx.t('web.status')}</dt><dd><span id="status" class="status" data-status="${run.status}">${statusText(ctx, run)}</span></dd>
<dt>${ctx.t('web.exitCode')}</dt><dd id="exit-code">${run.exitCode ?? ''}</dd>
<dt>${ctx.t('web.reason')}</dt><dd id="reason">${wordReason(run.reason, ctx.t)}</dd>
<dt>${ctx.t('web.started')}</dt><dd id="started">${timeHtml(run.startedAt)}</dd>
<dt>${ctx.t('web.finished')}</dt><dd id="finished">${timeHtml(run.finishedAt)}</dd>
<dt>${ctx.t('web.duration')}</dt><dd id="duration"${run.startedAt && !finished ? markup` data-since="${run.startedAt.toISOString()}"` : ''}>${durationText(ctx, run)}</dd>
<dt>${ctx.t('web.parameters')}</dt><dd><code>${JSON.stringify(run.params)}</code></dd>
<dt>${ctx.t('web.lineCount')}</dt><dd id="line-count">${run.lineCount}</dd></dl>
<p class="actions">${cancel}<form method="post" action="/runs/${run.id}/rerun" class="inline">${csrfField(ctx)}<button type="submit">${ctx.t('web.rerun')}</button></form>
<a class="button" id="download-log" href="/runs/${run.id}/log.txt" download>${ctx.t('web.downloadLog')}</a></p>
${earlier}<div id="log" class="log"${paging.live && !finished ? markup` data-events="/runs/${run.id}/events?after=${last}"` : ''}
 data-status-labels="${JSON.stringify(labels)}" data-units="${JSON.stringify({ h: ctx.t('ui.units.h'), min: ctx.t('ui.units.min'), s: ctx.t('ui.units.s') })}">${lines.map(lineHtml)}</div>`,
  );
}

/** History with filters and a re-run button per run. */
export function historyPage(
  ctx: PageContext,
  runs: readonly RunRecord[],
  query: RunQuery,
  jobs: readonly string[],
): string {
  const statusOptions = runStatuses.map(
    (s) =>
      markup`<option value="${s}"${query.status === s ? markup` selected` : ''}>${ctx.t(`ui.statuses.${s}`)}</option>`,
  );
  const jobOptions = jobs.map(
    (j) => markup`<option value="${j}"${query.job === j ? markup` selected` : ''}>${j}</option>`,
  );
  const rows = runs.map(
    (
      r,
    ) => markup`<tr data-run="${r.id}"><td data-label="${ctx.t('web.run')}"><a href="/runs/${r.id}">${r.id}</a></td><td data-label="${ctx.t('web.job')}">${r.job}</td><td data-label="${ctx.t('web.status')}">${statusBadge(ctx, r)}</td>
<td data-label="${ctx.t('web.exitCode')}">${r.exitCode ?? ''}</td><td data-label="${ctx.t('web.started')}">${timeHtml(r.startedAt ?? r.createdAt)}</td><td data-label="${ctx.t('web.duration')}" class="duration">${durationText(ctx, r)}</td><td data-label="${ctx.t('web.parameters')}"><code>${JSON.stringify(r.params)}</code></td>
<td><form method="post" action="/runs/${r.id}/rerun" class="inline">${csrfField(ctx)}<button type="submit">${ctx.t('web.rerun')}</button></form></td></tr>`,
  );
  const last = runs[runs.length - 1];
  const more =
    last && runs.length >= (query.limit ?? 50)
      ? markup`<p><a href="/runs?${new URLSearchParams(Object.entries({ q: query.search, job: query.job, status: query.status, before: String(last.id) }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()}">${ctx.t('web.earlier')}</a></p>`
      : '';
  return layout(
    ctx,
    ctx.t('web.history'),
    markup`<h1>${ctx.t('web.history')}</h1>
<form method="get" action="/runs" class="filters"><input type="search" name="q" value="${query.search ?? ''}" aria-label="${ctx.t('web.search')}">
<select name="job"><option value="">${ctx.t('web.anyJob')}</option>${jobOptions}</select>
<select name="status"><option value="">${ctx.t('web.anyStatus')}</option>${statusOptions}</select>
<button type="submit">${ctx.t('web.search')}</button></form>
${runs.length ? markup`<table class="runs"><thead><tr><th>${ctx.t('web.run')}</th><th>${ctx.t('web.job')}</th><th>${ctx.t('web.status')}</th><th>${ctx.t('web.exitCode')}</th><th>${ctx.t('web.started')}</th><th>${ctx.t('web.duration')}</th><th>${ctx.t('web.parameters')}</th><th></th></tr></thead><tbody>${rows}</tbody></table>` : markup`<p>${ctx.t('web.noRuns')}</p>`}${more}`,
  );
}

/** The schedules with their next and last runs. */
export function schedulesPage(
  ctx: PageContext,
  schedules: readonly ScheduleView[],
  lastRuns: ReadonlyMap<string, RunRecord>,
): string {
  const now = ctx.now ?? new Date();
  const rows = schedules.map((s) => {
    const last = lastRuns.get(s.id);
    const next = s.nextAfter(now);
    return markup`<tr data-schedule="${s.id}"><td data-label="${ctx.t('web.schedule')}">${s.id}</td><td data-label="${ctx.t('web.job')}"><a href="/jobs/${encodeURIComponent(s.job)}">${s.job}</a></td>
<td data-label="${ctx.t('web.cron')}"><code>${s.cron}</code></td><td data-label="${ctx.t('web.parameters')}"><code>${JSON.stringify(s.params)}</code></td>
<td data-label="${ctx.t('web.nextRun')}" class="next">${next ? timeHtml(next) : ''}</td>
<td data-label="${ctx.t('web.lastRun')}" class="last-run">${last ? markup`<a href="/runs/${last.id}">${statusBadge(ctx, last)}</a> ${timeHtml(last.createdAt)}` : ctx.t('web.neverRun')}</td></tr>`;
  });
  return layout(
    ctx,
    ctx.t('web.schedules'),
    markup`<h1>${ctx.t('web.schedules')}</h1>${schedules.length ? markup`<table class="runs schedules"><thead><tr><th>${ctx.t('web.schedule')}</th><th>${ctx.t('web.job')}</th><th>${ctx.t('web.cron')}</th><th>${ctx.t('web.parameters')}</th><th>${ctx.t('web.nextRun')}</th><th>${ctx.t('web.lastRun')}</th></tr></thead><tbody>${rows}</tbody></table>` : markup`<p>${ctx.t('web.noSchedules')}</p>`}`,
  );
}

/** The login form; `problem` is the message shown above it (wrong token, too many tries). */
export function loginPage(ctx: PageContext, problem?: string): string {
  return layout(
    ctx,
    ctx.t('web.login'),
    markup`<h1>${ctx.t('web.login')}</h1>${problem ? markup`<p class="problems">${problem}</p>` : ''}
<form method="post" action="/login">${csrfField(ctx)}<label for="token">${ctx.t('web.token')}</label>
<input id="token" type="password" name="token" autocomplete="off" required><button type="submit">${ctx.t('web.login')}</button></form>`,
  );
}

export function messagePage(ctx: PageContext, title: string, message: string): string {
  return layout(ctx, title, markup`<h1>${title}</h1><p>${message}</p>`);
}
