import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '@toolbelt/lock';
import { isToolbeltError } from '@toolbelt/errors';
import {
  createGoogleCalendarSink,
  resolveGoogleAuth,
  type CalendarEvent,
  type CalendarSink,
} from '@toolbelt/google';
import { startGoogleStandIn } from '@toolbelt/testkit/google';
import { runGenerate } from '../src/run-generate.js';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullDir, readOnlyDir } from '@toolbelt/testkit/fs-faults';
import { runCliAsync, startCli } from '@toolbelt/testkit';
import { generateResult, parseJson } from './schemas.js';
import { bin, readCalendar, rotaSettings, writeRota } from './builders.js';

// Issue 12 ("Nothing lost"), items 3, 4, 9 and 10 for support-rota, through the built CLI.
// Each test starts the CLI one to six times on 2 shared cores.
vi.setConfig({ testTimeout: 60_000 });

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('rota-lost');
});
afterEach(async () => {
  await dir.cleanup();
});

/** Starts the CLI; `waiting` settles once it logs that it waits for a lock. */
function start(args: string[], cwd: string) {
  const run = startCli(bin, args, { cwd });
  const waiting = new Promise<void>((resolve) =>
    run.child.stderr?.on('data', () => {
      if (run.output().stderr.includes('Waiting for')) resolve();
    }),
  );
  return { waiting, done: run.done };
}

function eventsByRota(path: string): Map<string, number> {
  const root = readCalendar(readFileSync(path, 'utf8'));
  const counts = new Map<string, number>();
  for (const c of root.getAllSubcomponents('vevent')) {
    const owner = String(c.getFirstPropertyValue('x-toolbelt-property') ?? '');
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return counts;
}

describe('one writer per .ics file (item 3)', () => {
  it('two rotas generated at once into one .ics lose nothing, three times in a row', async () => {
    const a = writeRota(
      dir.path,
      { name: 'rota-a', date_range: { start_date: '2025-01-06', n_cycles: 300 } },
      'a.json',
    );
    const b = writeRota(
      dir.path,
      { name: 'rota-b', date_range: { start_date: '2025-01-06', n_cycles: 300 } },
      'b.json',
    );
    for (let round = 0; round < 3; round++) {
      const ics = join(dir.path, `shared-${round}.ics`);
      const [ra, rb] = await Promise.all([
        start(['generate', '--config', a, '--ics', ics, '--json'], dir.path).done,
        start(['generate', '--config', b, '--ics', ics, '--json'], dir.path).done,
      ]);
      expect(ra.status, ra.stderr).toBe(0);
      expect(rb.status, rb.stderr).toBe(0);
      expect(parseJson(generateResult, ra.stdout).calendar.counts.insert).toBe(1500);
      expect(parseJson(generateResult, rb.stdout).calendar.counts.insert).toBe(1500);
      expect(Object.fromEntries(eventsByRota(ics))).toEqual({
        'toolbeltRota=rota-a': 1500,
        'toolbeltRota=rota-b': 1500,
      });
      expect(existsSync(`${ics}.lock`)).toBe(false);
    }
  }, 180_000);

  it('a second run waits, saying for whom; with --no-wait it exits 75 naming the holder', async () => {
    const config = writeRota(dir.path);
    const ics = join(dir.path, 'rota.ics');
    const lock = await acquireLock(ics, { command: 'test holder' });
    try {
      const refused = await runCliAsync(
        bin,
        ['generate', '--config', config, '--ics', ics, '--no-wait'],
        {
          cwd: dir.path,
        },
      );
      expect(refused.status).toBe(75);
      expect(refused.stderr).toContain(`locked by test holder (pid ${process.pid}`);
      expect(existsSync(ics)).toBe(false);
      const waiter = start(['generate', '--config', config, '--ics', ics], dir.path);
      await waiter.waiting;
      expect(existsSync(ics)).toBe(false);
      await lock.release();
      const run = await waiter.done;
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(`Waiting for test holder (pid ${process.pid}`);
      expect(existsSync(ics)).toBe(true);
    } finally {
      await lock.release();
    }
  }, 60_000);
});

describe('names with control characters, ; , \\ and line breaks (item 4)', () => {
  it('write a valid .ics without control bytes, and an unchanged rota re-writes nothing', async () => {
    const config = writeRota(dir.path, {
      name: 'r;o,t\\a',
      support_team: {
        start_cycle_with: 'g_sevens',
        g_sevens: ['Geo;rge', 'Ca,lum'],
        everyone_else: ['Tho\\mas', 'Ja\r\nke', 'Ta\u0001p\u001ban\u0000'],
      },
    });
    const ics = join(dir.path, 'rota.ics');
    const args = ['generate', '--config', config, '--ics', ics, '--json'];
    const first = await runCliAsync(bin, args, { cwd: dir.path });
    expect(first.status, first.stderr).toBe(0);
    const text = readFileSync(ics, 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\r\n/g, '').match(/[\u0000-\u0008\u000A-\u001F\u007F]/g)).toBeNull();
    readCalendar(text);
    const second = await runCliAsync(bin, args, { cwd: dir.path });
    expect(second.status, second.stderr).toBe(0);
    expect(parseJson(generateResult, second.stdout).calendar.counts).toMatchObject({
      insert: 0,
      update: 0,
      delete: 0,
      unchanged: 10,
    });
    expect(readFileSync(ics, 'utf8')).toBe(text);
  });
});

describe('bounds (item 10)', () => {
  it.each([
    [['--cycles', '200000'], 64, '--cycles: 200000 cycles is more than the limit of 10000'],
    [['--cycles', '1000000000'], 64, '--cycles: 1000000000 cycles is more than the limit of 10000'],
    [['--cycles', '10000'], 64, '10000 cycles of 5 people make 50000 working days'],
    [['--start', '9999-12-31'], 64, '--start: 9999-12-31 is outside 1900-01-01 to 2199-12-31'],
  ])('%j exits %i, saying the limit, and writes nothing', async (flags, status, message) => {
    const config = writeRota(dir.path);
    const ics = join(dir.path, 'rota.ics');
    const run = await runCliAsync(bin, ['generate', '--config', config, '--ics', ics, ...flags], {
      cwd: dir.path,
    });
    expect(run.status, run.stderr).toBe(status);
    expect(run.stderr).toContain(message);
    expect(existsSync(ics)).toBe(false);
  });

  it('the same limits in the config file are CONFIG (78)', async () => {
    const config = writeRota(dir.path, { date_range: { start_date: '9999-12-31', n_cycles: 1e9 } });
    const run = await runCliAsync(bin, ['generate', '--config', config, '--ics', 'x.ics'], {
      cwd: dir.path,
    });
    expect(run.status, run.stderr).toBe(78);
    expect(run.stderr).toContain('date_range.start_date: 9999-12-31 is outside');
    expect(run.stderr).toContain('date_range.n_cycles: 1000000000 cycles is more than the limit');
  });
});

describe('a file system that refuses writes (item 9)', () => {
  it('a read-only .ics folder: exit 74 naming the file, nothing written', async () => {
    const ro = readOnlyDir();
    try {
      const config = writeRota(dir.path);
      const run = await runCliAsync(
        bin,
        ['generate', '--config', config, '--ics', join(ro.path, 'rota.ics')],
        {
          cwd: dir.path,
        },
      );
      expect(run.status, run.stderr).toBe(74);
      expect(run.stderr).toContain(
        `cannot create ${join(ro.path, 'rota.ics')}.lock: read-only file system`,
      );
      expect(readdirSync(ro.path)).toEqual([]);
    } finally {
      ro.cleanup();
    }
  });

  it('a full report folder: exit 74 "no space left", no temp files', async () => {
    const full = fullDir(4 * 1024);
    try {
      const config = writeRota(dir.path, {
        date_range: { start_date: '2025-01-06', n_cycles: 40 },
      });
      const run = await runCliAsync(
        bin,
        [
          'generate',
          '--config',
          config,
          '--ics',
          join(dir.path, 'rota.ics'),
          '--report-dir',
          full.path,
        ],
        { cwd: dir.path },
      );
      expect(run.status, run.stderr).toBe(74);
      expect(run.stderr).toContain('no space left on device');
      expect(readdirSync(full.path).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      full.cleanup();
    }
  });

  it('a read-only log folder: exit 74, not 70', async () => {
    const ro = readOnlyDir();
    try {
      const config = writeRota(dir.path);
      const run = await runCliAsync(
        bin,
        ['generate', '--config', config, '--ics', 'rota.ics', '--log-dir', join(ro.path, 'logs')],
        { cwd: dir.path },
      );
      expect(run.status, run.stderr).toBe(74);
      expect(run.stderr).toContain(`cannot write ${join(ro.path, 'logs')}`);
    } finally {
      ro.cleanup();
    }
  });
});

describe('a Google calendar changed while the run plans (one writer per target)', () => {
  it('is TEMPFAIL with nothing written; the next run writes the rota', async () => {
    const standIn = await startGoogleStandIn();
    try {
      const calendarId = 'changed1@group.calendar.google.com';
      standIn.seedCalendar(calendarId, []);
      const env = { GOOGLE_API_ROOT_URL: standIn.rootUrl, GOOGLE_ACCESS_TOKEN: 'test-token' };
      const real = createGoogleCalendarSink({
        calendarId,
        auth: resolveGoogleAuth(env),
        rootUrl: standIn.rootUrl,
      });
      const options = {
        rota: rotaSettings({ name: 'data-eng', calendar: { selected: calendarId } }),
        seed: 7,
        dryRun: false,
        replaceAll: false,
        yes: true,
      };
      const first = await runGenerate({ calendar: real, holidays, confirmReplaceAll }, options);
      expect(first.calendar.counts.insert).toBe(10);
      // A person edits one of the rota's days right after the next run has listed them.
      let lists = 0;
      const edit: CalendarEvent = { ...(await firstOwned(real)), summary: 'swapped by hand' };
      const sink: CalendarSink = {
        kind: real.kind,
        location: real.location,
        apply: (changes) => real.apply(changes),
        async listEvents(query) {
          const events = await real.listEvents(query);
          if (++lists === 1) await real.apply([{ kind: 'update', event: edit }]);
          return events;
        },
      };
      const reseeded = { ...options, seed: 8 };
      const error = await runGenerate(
        { calendar: sink, holidays, confirmReplaceAll },
        reseeded,
      ).catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.key).toBe('support-rota:errors.calendarChanged');
      expect(isToolbeltError(error) && error.exitCode).toBe(75);
      const live = standIn.listEvents(calendarId);
      expect(live).toHaveLength(10);
      expect(live.filter((e) => e['summary'] === 'swapped by hand')).toHaveLength(1);
      // Nothing of the new plan was written: all other days still hold the first run's text.
      const firstSummaries = new Set(
        first.days.map((d) => `${d.lead} is on support today with ${d.assist} assisting`),
      );
      for (const e of live)
        if (e['summary'] !== 'swapped by hand')
          expect(firstSummaries.has(String(e['summary']))).toBe(true);
      const again = await runGenerate({ calendar: real, holidays, confirmReplaceAll }, reseeded);
      expect(again.calendar.failed).toEqual([]);
    } finally {
      await standIn.stop();
    }
  });
});

const holidays = new Set<string>();
const confirmReplaceAll = () => Promise.resolve(true);

async function firstOwned(sink: CalendarSink): Promise<CalendarEvent> {
  const [event] = await sink.listEvents({ from: '2025-01-01' });
  if (!event) throw new Error('no event');
  return event;
}
