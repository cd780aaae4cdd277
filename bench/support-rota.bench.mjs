#!/usr/bin/env node
// support-rota: calendar write calls of a first run and an unchanged re-run (6 + 12 people,
// 8 cycles) against the Google stand-in with the real googleapis client, next to the
// original's count (delete every event from the start date, then insert every day); and the
// time to plan 1,000 cycles. Needs the built dist of support-rota, google and testkit.
import { performance } from 'node:perf_hooks';

const dist = (path) => new URL(`../${path}`, import.meta.url).href;
const { startGoogleStandIn } = await import(dist('packages/testkit/dist/google.js'));
const { createGoogleCalendarSink, createIcsCalendarSink } = await import(
  dist('packages/google/dist/index.js')
);
const { configFileSchema, resolveSettings: resolveParsed } = await import(
  dist('apps/support-rota/dist/core/settings.js')
);
const resolveSettings = (raw, flags) => resolveParsed(configFileSchema.parse(raw), flags);
const { runGenerate } = await import(dist('apps/support-rota/dist/run-generate.js'));
const { workingDays } = await import(dist('apps/support-rota/dist/core/working-days.js'));
const { planRota } = await import(dist('apps/support-rota/dist/core/plan.js'));
const { toCalendarEvents } = await import(dist('apps/support-rota/dist/core/events.js'));
const { diffCalendar } = await import(dist('apps/support-rota/dist/core/diff.js'));
const { createRng } = await import(dist('apps/support-rota/dist/core/rng.js'));

const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
const config = (cycles) => ({
  name: 'bench-rota',
  support_team: {
    start_cycle_with: 'g_sevens',
    g_sevens: names('Lead', 6),
    everyone_else: names('Engineer', 12),
  },
  date_range: { start_date: '2025-01-06', n_cycles: cycles },
  calendar: { selected: 'bench', calendar_ids: { bench: 'bench@group.calendar.google.com' } },
});
const WRITES = [
  'calendar.events.insert',
  'calendar.events.update',
  'calendar.events.delete',
  'calendar.events.patch',
];

const standIn = await startGoogleStandIn();
const results = [];
try {
  const calendarId = 'bench@group.calendar.google.com';
  standIn.seedCalendar(calendarId, [
    {
      id: 'foreignevent01',
      summary: 'Someone else',
      start: { date: '2025-01-08' },
      end: { date: '2025-01-09' },
    },
  ]);
  const resolved = resolveSettings(config(8), {});
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const deps = {
    calendar: createGoogleCalendarSink({
      calendarId,
      auth: { kind: 'access-token', accessToken: 'bench' },
      rootUrl: standIn.rootUrl,
    }),
    holidays: new Set(),
    confirmReplaceAll: async () => false,
  };
  const options = {
    rota: resolved.settings,
    seed: 1,
    dryRun: false,
    replaceAll: false,
    yes: false,
  };
  const writes = () => WRITES.reduce((sum, m) => sum + standIn.requests.count(m), 0);

  standIn.requests.clear();
  const first = await runGenerate(deps, options);
  const firstWrites = writes();
  const firstReads = standIn.requests.count('calendar.events.list');
  const days = first.dateRange.totalDays;
  standIn.requests.clear();
  await runGenerate(deps, options);
  const rerunWrites = writes();
  const rerunReads = standIn.requests.count('calendar.events.list');

  // The original: delete every event from the start date on (here: the foreign one on the
  // first run, its own 144 on a re-run), then insert every day.
  const originalFirst = 1 + days;
  const originalRerun = days + days;
  results.push(
    {
      name: `calendar writes, first run (6+12 people, 8 cycles, ${days} days)`,
      value: firstWrites,
      unit: 'calls',
      baseline: 'original: delete all from start + insert all',
      baselineValue: originalFirst,
      ratio: firstWrites / originalFirst,
      note: `${firstReads} list call(s); the original also deleted the foreign event`,
    },
    {
      name: 'calendar writes, unchanged re-run',
      value: rerunWrites,
      unit: 'calls',
      baseline: 'original: delete all from start + insert all',
      baselineValue: originalRerun,
      ratio: rerunWrites / originalRerun,
      note: `${rerunReads} list call(s)`,
    },
  );

  // Planning time: 1,000 cycles of 18 people = 18,000 working days, events and a diff.
  const big = resolveSettings(config(1000), {});
  if (!big.ok) throw new Error('bad settings');
  const team = big.settings.team;
  const timings = [];
  const diffTimings = [];
  for (let round = 0; round < 7; round++) {
    const t0 = performance.now();
    const rota = planRota(team, workingDays('2025-01-06', 1000 * 18), createRng(round));
    const events = toCalendarEvents(rota, 'bench-rota');
    const t1 = performance.now();
    diffCalendar(events, events, 'bench-rota');
    diffTimings.push(performance.now() - t1);
    timings.push(t1 - t0);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  results.push(
    {
      name: 'plan 1,000 cycles (18,000 days: working days, pairs, events)',
      value: Number(median(timings).toFixed(1)),
      unit: 'ms',
      note: 'median of 7, in process',
    },
    {
      name: 'diff 18,000 planned events against 18,000 existing',
      value: Number(median(diffTimings).toFixed(1)),
      unit: 'ms',
      note: 'median of 7, in process',
    },
  );

  // Writing an .ics: one apply of N new events into a fresh file, then reading it back.
  // Issue 12 measured the quadratic writer at 20 s for 4,000 days and 181 s for 12,000.
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const icsDir = mkdtempSync(join(tmpdir(), 'bench-ics-'));
  try {
    for (const [count, before] of [
      // Whole cycles of 18 people, next to the 4,000 and 12,000 days.
      [222 * 18, 20_000],
      [667 * 18, 181_000],
    ]) {
      const rota = planRota(team, workingDays('2025-01-06', count), createRng(1));
      const events = toCalendarEvents(rota, 'bench-rota');
      const sink = createIcsCalendarSink({ path: join(icsDir, `rota-${count}.ics`) });
      const t0 = performance.now();
      await sink.apply(events.map((event) => ({ kind: 'insert', event })));
      const t1 = performance.now();
      await sink.listEvents({ from: '2025-01-01' });
      const t2 = performance.now();
      results.push({
        name: `.ics: write ${count.toLocaleString('en')} events into a new file (one apply)`,
        value: Math.round(t1 - t0),
        unit: 'ms',
        baseline: 'before (issue 12): whole generate, quadratic writer',
        baselineValue: before,
        ratio: (t1 - t0) / before,
        note: `reading it back: ${Math.round(t2 - t1)} ms; in process`,
      });
    }
  } finally {
    rmSync(icsDir, { recursive: true, force: true });
  }
} finally {
  await standIn.stop();
}
console.log(JSON.stringify({ benchmark: 'support-rota', results }));
