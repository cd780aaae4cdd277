import { startGoogleStandIn, type GoogleStandIn } from '@toolbelt/testkit/google';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '@toolbelt/testkit';
import { bin, writeRota } from './builders.js';
import { errorResult, parseJson } from './schemas.js';

let standIn: GoogleStandIn;
let dir: TempDir;
const calendarId = 'rota@group.calendar.google.com';

beforeAll(async () => {
  standIn = await startGoogleStandIn();
  standIn.seedCalendar(calendarId, [
    {
      id: 'foreign01',
      summary: 'Offsite',
      start: { date: '2025-01-08' },
      end: { date: '2025-01-09' },
    },
  ]);
});
afterAll(async () => {
  await standIn.stop();
});
beforeEach(() => {
  dir = makeTempDir('support-rota-validation');
  standIn.requests.clear();
});
afterEach(async () => {
  await dir.cleanup();
});

/** Run against a Google calendar on the stand-in, so that any API call would be counted. */
const run = (args: string[]) =>
  runCliAsync(bin, ['generate', ...args], {
    cwd: dir.path,
    env: { GOOGLE_ACCESS_TOKEN: 'test-token', GOOGLE_API_ROOT_URL: standIn.rootUrl },
  });
const google = { calendar: { selected: 'dev-1', calendar_ids: { 'dev-1': calendarId } } };

describe('validation before any calendar call', () => {
  it.each([
    [
      'an invalid start group in the config',
      { support_team: { start_cycle_with: 'g7s', g_sevens: ['Ann'], everyone_else: ['Bob'] } },
      [],
      78,
      'g7s is an invalid group name.',
    ],
    [
      'an invalid start group from --start-with',
      {},
      ['--start-with', 'nobody'],
      64,
      'nobody is an invalid group name.',
    ],
    [
      'a duplicate within a group',
      { support_team: { start_cycle_with: 'a', a: ['Ann', 'Ann'], b: ['Bob'] } },
      [],
      78,
      'Remove the duplicate value "Ann" from a.',
    ],
    [
      'a duplicate across groups',
      { support_team: { start_cycle_with: 'a', a: ['Ann', 'Bob'], b: ['Bob'] } },
      [],
      78,
      'Remove the duplicate value "Bob" from a, b.',
    ],
    [
      'an empty group',
      { support_team: { start_cycle_with: 'a', a: ['Ann'], b: [] } },
      [],
      78,
      'Group b needs at least one member.',
    ],
    [
      'a bad start date in the config',
      { date_range: { start_date: '2025-02-30', n_cycles: 2 } },
      [],
      78,
      'date_range.start_date: "2025-02-30" is not a date',
    ],
    ['a bad --start', {}, ['--start', '06/01/2025'], 64, '--start: "06/01/2025" is not a date'],
    [
      'cycles < 1 in the config',
      { date_range: { start_date: '2025-01-06', n_cycles: 0 } },
      [],
      78,
      'date_range.n_cycles: the number of cycles must be a whole number of at least 1',
    ],
    [
      '--cycles 0',
      {},
      ['--cycles', '0'],
      64,
      '--cycles: the number of cycles must be a whole number of at least 1',
    ],
    ['an unknown calendar name', {}, ['--calendar', 'staging'], 64, 'Unknown calendar "staging"'],
  ] as const)(
    '%s: the right exit code, a clear message and zero API calls',
    async (_name, overrides, flags, status, message) => {
      const config = writeRota(dir.path, { ...google, ...overrides });
      const result = await run(['--config', config, ...flags]);
      expect(result.stderr).toContain(message);
      expect(result.status).toBe(status);
      expect(standIn.requests.count()).toBe(0);
    },
    60_000,
  );

  it('reports every problem at once, in --json too', async () => {
    const config = writeRota(dir.path, {
      ...google,
      support_team: { start_cycle_with: 'x', a: ['Ann', 'Ann'], b: [] },
      date_range: { start_date: 'soon', n_cycles: -1 },
    });
    const result = await run(['--config', config, '--json']);
    expect(result.status).toBe(78);
    const { error } = parseJson(errorResult, result.stdout);
    expect(error.code).toBe('CONFIG');
    expect(error.problems).toEqual([
      'date_range.start_date: "soon" is not a date (YYYY-MM-DD).',
      'date_range.n_cycles: the number of cycles must be a whole number of at least 1 (got "-1").',
      'x is an invalid group name.',
      'Group b needs at least one member.',
      'Remove the duplicate value "Ann" from a.',
    ]);
    expect(standIn.requests.count()).toBe(0);
  }, 60_000);

  it('--replace-all without --yes and without a terminal is a usage error naming --yes, with zero API calls', async () => {
    const config = writeRota(dir.path, google);
    const result = await run(['--config', config, '--replace-all']);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('--yes');
    expect(standIn.requests.count()).toBe(0);
  }, 60_000);

  it('a missing config file is a CONFIG error', async () => {
    const result = await run(['--config', 'nope.yaml']);
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('cannot read nope.yaml: no such file.');
  }, 60_000);

  it('prints messages in Russian with --lang ru', async () => {
    const config = writeRota(dir.path, {
      ...google,
      support_team: { start_cycle_with: 'g7s', g_sevens: ['Ann'], everyone_else: ['Bob'] },
    });
    const result = await run(['--config', config, '--lang', 'ru']);
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('g7s — недопустимое имя группы.');
  }, 60_000);

  it('no Google credentials: AUTH (77) naming the variables, zero API calls', async () => {
    const config = writeRota(dir.path, google);
    const result = await runCliAsync(bin, ['generate', '--config', config], {
      cwd: dir.path,
      env: { GOOGLE_API_ROOT_URL: standIn.rootUrl, HOME: dir.path },
    });
    expect(result.status).toBe(77);
    expect(result.stderr).toContain('CREDENTIALS_FILE');
    expect(standIn.requests.count()).toBe(0);
  }, 60_000);

  it('shows Russian help for generate', async () => {
    const result = await runCliAsync(bin, ['generate', '--help', '--lang', 'ru'], {
      cwd: dir.path,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Составить график дежурств');
    expect(result.stdout).toContain('Не спрашивать подтверждения');
  }, 60_000);
});
