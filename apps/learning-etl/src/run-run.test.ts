import { describe, expect, it } from 'vitest';
import type { SheetStore } from '@toolbelt/google';
import type { Notifier } from '@toolbelt/notify';
import type { ActivityStore } from './core/ports.js';
import { createDayCounter } from './core/stats.js';
import { messages } from './i18n/index.js';
import { runRun, type RunDeps, type RunOptions } from './run-run.js';

const uid = (n: number) => n.toString(16).padStart(32, '0');
const record = (n: number, day: string, attempt: 'run' | 'submit', correct: boolean | null) => ({
  lti_user_id: uid(n),
  created_at: `${day} 10:00:00`,
  passback_params:
    "{'oauth_consumer_key': '', 'lis_result_sourcedid': 's', 'lis_outcome_service_url': 'u'}",
  attempt_type: attempt,
  is_correct: correct,
});
const recordsOf = (day: string) => [
  record(1, day, 'submit', true),
  record(2, day, 'submit', false),
  record(2, day, 'run', null),
  { lti_user_id: 'short' },
];

async function* batches(items: unknown[]): AsyncGenerator<unknown[]> {
  yield await Promise.resolve(items);
}

/** A store that counts what it is given, as the table would (fresh table). */
function fakeStore(calls: string[]): ActivityStore {
  return {
    kind: 'fake',
    async loadDay(day, window, rows, options) {
      calls.push(`load ${day}${options.reset ? ' reset' : ''}`);
      const counter = createDayCounter(window);
      let loaded = 0;
      for await (const row of rows) {
        counter.add(row);
        loaded++;
      }
      return { loaded, replaced: 0, reset: options.reset, counts: counter.counts() };
    },
    close: () => {
      calls.push('close');
      return Promise.resolve();
    },
  };
}

function fakeDeps(over: Partial<RunDeps> = {}) {
  const calls: string[] = [];
  const lines: string[] = [];
  const mails: { subject: string; text: string }[] = [];
  const written: string[] = [];
  const notifier: Notifier = {
    configured: true,
    recipients: ['ann@example.org'],
    channels: [{ channel: 'email', target: 'outbox/' }],
    send: (message) => {
      mails.push(message);
      return Promise.resolve([
        { channel: 'email', target: 'outbox/', ok: true, to: ['ann@example.org'] },
      ]);
    },
  };
  const report: SheetStore = {
    kind: 'xlsx',
    location: 'report.xlsx',
    listTabs: () => Promise.resolve(['Stats']),
    readTabs: () => Promise.resolve([]),
    ensureTab: () => Promise.resolve(),
    write: (writes) => {
      written.push(...writes.map((w) => w.kind));
      return Promise.resolve();
    },
  };
  const deps: RunDeps = {
    openRecords: (day) => {
      calls.push(`records ${day}`);
      return Promise.resolve(batches(recordsOf(day)));
    },
    openStore: () => {
      calls.push('open store');
      return Promise.resolve(fakeStore(calls));
    },
    openReport: () => Promise.resolve(report),
    openNotifier: () => Promise.resolve(notifier),
    askDay: () => Promise.resolve(undefined),
    today: () => '2023-06-02',
    texts: {
      reportLabels: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '', 'j'],
      mail: (day, link) => ({ subject: day, text: link ?? 'not updated' }),
    },
    log: {
      line: (_level, key) => lines.push(key),
      failure: (key) => lines.push(key),
      waiting: () => undefined,
      corrupt: () => undefined,
      defects: () => undefined,
    },
    progress: {
      start: () => Promise.resolve(),
      records: () => undefined,
      dayDone: () => undefined,
      stop: () => undefined,
    },
    ...over,
  };
  return { deps, calls, lines, mails, written };
}

const options = (over: Partial<RunOptions> = {}): RunOptions => ({
  days: ['2023-05-31'],
  testMode: false,
  reset: false,
  dryRun: false,
  ...over,
});

describe('runRun', () => {
  it('asks for a day when none is given; quitting the prompt does nothing', async () => {
    const { deps, calls, lines } = fakeDeps();
    const result = await runRun(deps, options({ days: undefined }));
    expect(result).toEqual({ dryRun: false, days: [], exited: true });
    expect(calls).toEqual([]);
    expect(lines).toEqual(['log.exit']);
  });

  it('loads, counts, reports and mails each day; the store is opened once, reset on the first day', async () => {
    const { deps, calls, mails, written } = fakeDeps();
    const result = await runRun(deps, options({ days: ['2023-05-31', '2023-06-01'], reset: true }));
    expect(calls).toEqual([
      'records 2023-05-31',
      'open store',
      'load 2023-05-31 reset',
      'records 2023-06-01',
      'load 2023-06-01',
      'close',
    ]);
    expect(result.days[0]).toMatchObject({
      read: 4,
      accepted: 3,
      corrupt: 1,
      loaded: 3,
      counts: { users: 2, runs: 1, submits: 2, successes: 1 },
      stats: { ratio: 0.5, avgSubmits: 1, avgSuccesses: 0 },
      reportUpdated: true,
      reportLocation: 'report.xlsx',
      mailed: 1,
      problems: [],
    });
    expect(written).toContain('values');
    expect(mails).toEqual([
      { subject: '2023-05-31', text: 'report.xlsx' },
      { subject: '2023-06-01', text: 'report.xlsx' },
    ]);
  });

  it('a dry run counts the records as the store would, and opens nothing', async () => {
    const dry = fakeDeps();
    const loaded = fakeDeps();
    const dryResult = await runRun(dry.deps, options({ dryRun: true }));
    const loadedResult = await runRun(loaded.deps, options());
    expect(dry.calls).toEqual(['records 2023-05-31']);
    expect(dry.mails).toEqual([]);
    expect(dryResult.days[0]?.counts).toEqual(loadedResult.days[0]?.counts);
    expect(dryResult.days[0]?.stats).toEqual(loadedResult.days[0]?.stats);
  });

  it('a source that fails stops the run before the store is opened', async () => {
    const down = messages.error('UNAVAILABLE', 'errors.apiStatus', { status: 503 });
    const { deps, calls } = fakeDeps({ openRecords: () => Promise.reject(down) });
    await expect(runRun(deps, options())).rejects.toBe(down);
    expect(calls).toEqual([]);
  });

  it('a report that fails is a problem of the day; the mail still goes and says so', async () => {
    const refused = messages.error('USAGE', 'errors.sourceFile', { file: 'x', reason: 'y' });
    const { deps, lines, mails } = fakeDeps({ openReport: () => Promise.reject(refused) });
    const result = await runRun(deps, options());
    expect(result.days[0]).toMatchObject({ reportUpdated: false, mailed: 1 });
    expect(result.days[0]?.problems).toEqual([`report: ${refused.message}`]);
    expect(lines).toContain('log.reportFailed');
    expect(mails).toEqual([{ subject: '2023-05-31', text: 'not updated' }]);
  });
});
